using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CloseUpdatesInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_loans_Partition_Status_LastCloseDate",
                table: "loans");

            // Pages written before keep no room until their rows move; from then on a close rewrites rows in place.
            migrationBuilder.AlterTable(
                name: "loans")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.AlterTable(
                name: "installments")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.CreateIndex(
                name: "IX_loans_Partition_Status",
                table: "loans",
                columns: new[] { "Partition", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_loans_Partition_Status",
                table: "loans");

            migrationBuilder.AlterTable(
                name: "loans")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.AlterTable(
                name: "installments")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.CreateIndex(
                name: "IX_loans_Partition_Status_LastCloseDate",
                table: "loans",
                columns: new[] { "Partition", "Status", "LastCloseDate" });
        }
    }
}
