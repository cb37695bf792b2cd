using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationOneAssignmentPerExpert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_ApplicationId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ApplicationId_EvaluatorId",
                table: "Assignments",
                columns: new[] { "ApplicationId", "EvaluatorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_ApplicationId_EvaluatorId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ApplicationId",
                table: "Assignments",
                column: "ApplicationId");
        }
    }
}
