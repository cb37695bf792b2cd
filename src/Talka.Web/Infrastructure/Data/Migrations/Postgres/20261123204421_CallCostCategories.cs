using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallCostCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CostCategoryList",
                table: "Calls",
                type: "text",
                nullable: false,
                defaultValue: "Personnel,ExpertsAndServices,EventsAndTraining,Publications,Publicity,Audit,Travel,Equipment,Administration");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CostCategoryList",
                table: "Calls");
        }
    }
}
