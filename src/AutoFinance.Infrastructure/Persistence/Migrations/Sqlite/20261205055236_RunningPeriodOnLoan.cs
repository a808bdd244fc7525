using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RunningPeriodStart",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RunningScheduledInterest",
                table: "loans",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);
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
