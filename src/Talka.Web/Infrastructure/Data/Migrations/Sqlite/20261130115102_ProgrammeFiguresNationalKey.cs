using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talka.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgrammeFiguresNationalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows the national key's generated replacements left behind: keyed by no programme, never read.
            migrationBuilder.Sql(
                "DELETE FROM \"ProgrammeFigures\" WHERE \"ProgrammeId\" NOT IN (SELECT \"Id\" FROM \"Programmes\") "
                    + "AND \"ProgrammeId\" <> '00000000-0000-0000-0000-000000000000';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
