using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventSearchTopicFolded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Topics filled by EventSearchTopic with lower() alone (on SQLite it knows only ASCII) get the Lithuanian
            // letters folded too; topics saved since are in the full search form already and are left as they are.
            migrationBuilder.Sql(SqlSearchText.Fill("Events", "SearchTopic", "Topic", "\"SearchTopic\" = lower(\"Topic\")"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
