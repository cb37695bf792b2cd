using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "Projects",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Organisations",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Names saved before: in the search form (Lithuanian letters without diacritics, lower case). Saving a
            // record again normalises it fully (SearchText.Normalize).
            migrationBuilder.Sql("UPDATE \"Organisations\" SET \"SearchName\" = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(\"Name\", 'Ą', 'a'), 'ą', 'a'), 'Č', 'c'), 'č', 'c'), 'Ę', 'e'), 'ę', 'e'), 'Ė', 'e'), 'ė', 'e'), 'Į', 'i'), 'į', 'i'), 'Š', 's'), 'š', 's'), 'Ų', 'u'), 'ų', 'u'), 'Ū', 'u'), 'ū', 'u'), 'Ž', 'z'), 'ž', 'z'));");
            migrationBuilder.Sql("UPDATE \"Projects\" SET \"SearchTitle\" = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(\"Title\", 'Ą', 'a'), 'ą', 'a'), 'Č', 'c'), 'č', 'c'), 'Ę', 'e'), 'ę', 'e'), 'Ė', 'e'), 'ė', 'e'), 'Į', 'i'), 'į', 'i'), 'Š', 's'), 'š', 's'), 'Ų', 'u'), 'ų', 'u'), 'Ū', 'u'), 'ū', 'u'), 'Ž', 'z'), 'ž', 'z'));");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchTitle",
                table: "Projects",
                column: "SearchTitle");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SearchName",
                table: "Organisations",
                column: "SearchName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_SearchTitle",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_SearchName",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Organisations");
        }
    }
}
