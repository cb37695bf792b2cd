using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>Stored figures now keep the persons listed at each event: every project's are marked stale, and the
    /// migrate command (or a start that migrates) stores them again.</summary>
    public partial class FiguresListedByEvent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The generation advances too: a refresh counted before this cannot store figures without the lists.
            migrationBuilder.Sql(
                "UPDATE \"ProjectFigures\" SET \"Stale\" = TRUE, \"Generation\" = \"Generation\" + 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
