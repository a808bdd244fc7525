using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DebitRequestUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payment_intents_DebitRequestId",
                table: "payment_intents");

            migrationBuilder.CreateIndex(
                name: "IX_payment_intents_DebitRequestId",
                table: "payment_intents",
                column: "DebitRequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payment_intents_DebitRequestId",
                table: "payment_intents");

            migrationBuilder.CreateIndex(
                name: "IX_payment_intents_DebitRequestId",
                table: "payment_intents",
                column: "DebitRequestId");
        }
    }
}
