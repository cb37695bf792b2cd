using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "AuditEntries",
                type: "uuid",
                nullable: true);

            // Entries made before: filed under the project they are rooted at.
            migrationBuilder.Sql("UPDATE \"AuditEntries\" a SET \"ProjectId\" = p.\"Id\" FROM \"Projects\" p WHERE a.\"RootId\" = p.\"Id\"::text;");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProjectId_Id",
                table: "AuditEntries",
                columns: new[] { "ProjectId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ProjectId_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "AuditEntries");
        }
    }
}
