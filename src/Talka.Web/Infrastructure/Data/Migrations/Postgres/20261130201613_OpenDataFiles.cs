using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
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
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Gzip = table.Column<byte[]>(type: "bytea", nullable: false),
                    ETag = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
