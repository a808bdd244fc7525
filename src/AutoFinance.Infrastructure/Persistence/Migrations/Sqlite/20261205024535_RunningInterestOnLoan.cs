using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunningInterestOnLoan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RunningAccruedInterest",
                table: "loans",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RunningInstallment",
                table: "loans",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RunningAccruedInterest",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "RunningInstallment",
                table: "loans");
        }
    }
}
