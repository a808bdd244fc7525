using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentEntriesIndexed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries");

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries",
                column: "PaymentId",
                filter: "\"PaymentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries");

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries",
                column: "PaymentId");
        }
    }
}
