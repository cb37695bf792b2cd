using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvaluationJson",
                table: "Calls",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AppealUntil",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Awarded",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionReference",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FinalScore",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReserveRank",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Third = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclarationText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConflictNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScoresJson = table.Column<string>(type: "TEXT", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assignments_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RankingVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Awarded = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MinimumScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PartialFunding = table.Column<bool>(type: "INTEGER", nullable: false),
                    PartialFloor = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    LinesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankingVersions_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ApplicationId",
                table: "Assignments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_CallId_EvaluatorId",
                table: "Assignments",
                columns: new[] { "CallId", "EvaluatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_RankingVersions_CallId_Number",
                table: "RankingVersions",
                columns: new[] { "CallId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "RankingVersions");

            migrationBuilder.DropColumn(
                name: "EvaluationJson",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "AppealUntil",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Awarded",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "DecisionReference",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FinalScore",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ReserveRank",
                table: "Applications");
        }
    }
}
