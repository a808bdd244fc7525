using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
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
                type: "text",
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
