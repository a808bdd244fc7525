using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefundPayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MandateReference",
                table: "payouts",
                type: "text",
                nullable: true);

            // Every payout made before refunds existed paid a dealer.
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "payouts",
                type: "text",
                nullable: false,
                defaultValue: "disbursement");

            migrationBuilder.CreateIndex(
                name: "IX_payouts_LoanId_Purpose",
                table: "payouts",
                columns: new[] { "LoanId", "Purpose" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payouts_LoanId_Purpose",
                table: "payouts");

            migrationBuilder.DropColumn(
                name: "MandateReference",
                table: "payouts");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "payouts");
        }
    }
}
