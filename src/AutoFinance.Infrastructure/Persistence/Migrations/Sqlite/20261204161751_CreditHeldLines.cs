using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditHeldLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LoanId",
                table: "journal_lines",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Each line takes its entry's loan.
            migrationBuilder.Sql("UPDATE journal_lines SET \"LoanId\" = (SELECT e.\"LoanId\" FROM journal_entries AS e WHERE e.\"Id\" = journal_lines.\"EntryId\")");

            migrationBuilder.CreateIndex(
                name: "IX_journal_lines_LoanId_Held",
                table: "journal_lines",
                column: "LoanId",
                filter: "\"Account\" IN ('CustomerOverpayment', 'RefundPayable')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_lines_LoanId_Held",
                table: "journal_lines");

            migrationBuilder.DropColumn(
                name: "LoanId",
                table: "journal_lines");
        }
    }
}
