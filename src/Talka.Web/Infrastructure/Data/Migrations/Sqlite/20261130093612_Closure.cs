using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Closure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisallowedReason",
                table: "Expenditure",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Admitted",
                table: "Agreements",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SettledOn",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Recoveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CourtOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CourtNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WriteOffReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recoveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recoveries_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Repayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RecoveryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Repayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Repayments_Recoveries_RecoveryId",
                        column: x => x.RecoveryId,
                        principalTable: "Recoveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recoveries_ProjectId",
                table: "Recoveries",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Repayments_RecoveryId",
                table: "Repayments",
                column: "RecoveryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Repayments");

            migrationBuilder.DropTable(
                name: "Recoveries");

            migrationBuilder.DropColumn(
                name: "DisallowedReason",
                table: "Expenditure");

            migrationBuilder.DropColumn(
                name: "Admitted",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SettledOn",
                table: "Agreements");
        }
    }
}
