using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeFigures",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeFigures", x => x.ProgrammeId);
                    table.ForeignKey(
                        name: "FK_ProgrammeFigures_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeFigures");
        }
    }
}
