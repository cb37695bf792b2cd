using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AmendmentPlanRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActivityDescriptionBefore",
                table: "Amendments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ActivityId",
                table: "Amendments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IndicatorId",
                table: "Amendments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NewActivityDescription",
                table: "Amendments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "NewTarget",
                table: "Amendments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanItem",
                table: "Amendments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TargetBefore",
                table: "Amendments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActivityDescriptionBefore",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "IndicatorId",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "NewActivityDescription",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "NewTarget",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "PlanItem",
                table: "Amendments");

            migrationBuilder.DropColumn(
                name: "TargetBefore",
                table: "Amendments");
        }
    }
}
