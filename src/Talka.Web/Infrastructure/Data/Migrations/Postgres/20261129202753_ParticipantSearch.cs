using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipantSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Participant",
                type: "character varying(260)",
                maxLength: 260,
                nullable: false,
                defaultValue: "");

            // Existing participants get their number and name in the searched form; Lithuanian letters are folded
            // here, and saving a participant again normalises it fully (SearchText.Normalize).
            migrationBuilder.Sql(@"UPDATE ""Participant"" SET ""SearchName"" = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN ""DisplayName"" IS NULL THEN ""Code"" ELSE ""Code"" || ' ' || ""DisplayName"" END, 'Ą', 'a'), 'ą', 'a'), 'Č', 'c'), 'č', 'c'), 'Ę', 'e'), 'ę', 'e'), 'Ė', 'e'), 'ė', 'e'), 'Į', 'i'), 'į', 'i'), 'Š', 's'), 'š', 's'), 'Ų', 'u'), 'ų', 'u'), 'Ū', 'u'), 'ū', 'u'), 'Ž', 'z'), 'ž', 'z'));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Participant");
        }
    }
}
