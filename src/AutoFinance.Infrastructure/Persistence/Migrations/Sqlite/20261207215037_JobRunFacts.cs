using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobRunFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DetailFacts",
                table: "job_runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DetailFacts",
                table: "job_runs");
        }
    }
}
