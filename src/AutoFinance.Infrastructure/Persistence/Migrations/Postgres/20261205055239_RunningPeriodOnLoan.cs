using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunningPeriodOnLoan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RunningDueDate",
                table: "loans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RunningPeriodStart",
                table: "loans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RunningScheduledInterest",
                table: "loans",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RunningDueDate",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "RunningPeriodStart",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "RunningScheduledInterest",
                table: "loans");
        }
    }
}
