using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventSearchTopic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchTopic",
                table: "Events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // Events saved before: their topic in lower case (the app folds diacritics too when an event is saved).
            migrationBuilder.Sql("UPDATE \"Events\" SET \"SearchTopic\" = lower(\"Topic\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchTopic",
                table: "Events");
        }
    }
}
