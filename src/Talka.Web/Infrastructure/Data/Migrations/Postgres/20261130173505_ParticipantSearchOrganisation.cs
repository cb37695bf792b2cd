using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipantSearchOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchOrganisation",
                table: "Participant",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql(SqlSearchText.Fill("Participant", "SearchOrganisation", "Organisation"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchOrganisation",
                table: "Participant");
        }
    }
}
