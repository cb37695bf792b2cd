using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredOpenDataFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenDataFiles",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Gzip = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataFiles", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenDataFiles");
        }
    }
}
