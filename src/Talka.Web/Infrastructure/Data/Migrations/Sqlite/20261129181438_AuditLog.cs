using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // Entries made before: filed under the project they are rooted at.
            migrationBuilder.Sql("UPDATE \"AuditEntries\" SET \"ProjectId\" = (SELECT \"Id\" FROM \"Projects\" WHERE lower(\"Projects\".\"Id\") = \"AuditEntries\".\"RootId\") WHERE \"ProjectId\" IS NULL;");

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
