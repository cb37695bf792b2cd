using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgrammeOfficers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeOfficers",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeOfficers", x => new { x.ProgrammeId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProgrammeOfficers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeOfficers_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeOfficers_UserId",
                table: "ProgrammeOfficers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeOfficers");
        }
    }
}
