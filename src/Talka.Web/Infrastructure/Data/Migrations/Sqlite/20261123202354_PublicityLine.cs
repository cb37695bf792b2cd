using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicityLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicityLine",
                table: "Calls",
                type: "TEXT",
                nullable: false,
                defaultValue: "Projektą finansuoja Lietuvos Respublikos socialinės apsaugos ir darbo ministerija");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicityLine",
                table: "Calls");
        }
    }
}
