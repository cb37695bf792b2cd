using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExpenditureSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Search",
                table: "Expenditure",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql(SqlSearchText.FillJoined("Expenditure", "Search", "DocumentNumber", "Supplier", "Content"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Search",
                table: "Expenditure");
        }
    }
}
