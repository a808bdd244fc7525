using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServicingLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllocationJson",
                table: "payments",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "Overpayment",
                table: "payments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Prepaid",
                table: "payments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ReversalReason",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReversedAt",
                table: "payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleBeforeJson",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "payments",
                type: "TEXT",
                nullable: false,
                defaultValue: "posted");

            migrationBuilder.AddColumn<string>(
                name: "Surplus",
                table: "payments",
                type: "TEXT",
                nullable: false,
                defaultValue: "hold");

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "payments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChargedOffOn",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Collector",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LoanToValue",
                table: "loans",
                type: "INTEGER",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnWatchList",
                table: "loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Partition",
                table: "loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WarningReasons",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WarningScore",
                table: "loans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PaymentId",
                table: "journal_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LateFee",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidLateFee",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidPenalty",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Penalty",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PenaltyExact",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 8,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "cob_partitions",
                columns: table => new
                {
                    BusinessDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Partition = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Worker = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Loans = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cob_partitions", x => new { x.BusinessDate, x.Partition });
                });

            migrationBuilder.CreateTable(
                name: "collection_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collector = table.Column<string>(type: "TEXT", nullable: false),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    PromisedAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    PromisedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PromiseStatus = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    ScheduleBeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", nullable: false),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    Template = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_loans_Partition_Status_LastCloseDate",
                table: "loans",
                columns: new[] { "Partition", "Status", "LastCloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_loans_Status_Bucket",
                table: "loans",
                columns: new[] { "Status", "Bucket" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_collection_contacts_LoanId_ContactedAt",
                table: "collection_contacts",
                columns: new[] { "LoanId", "ContactedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_contacts_PromiseStatus_PromisedDate",
                table: "collection_contacts",
                columns: new[] { "PromiseStatus", "PromisedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_plans_LoanId",
                table: "hardship_plans",
                column: "LoanId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_CustomerId",
                table: "outbox",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DedupeKey",
                table: "outbox",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_NextAttemptAt",
                table: "outbox",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cob_partitions");

            migrationBuilder.DropTable(
                name: "collection_contacts");

            migrationBuilder.DropTable(
                name: "hardship_plans");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_loans_Partition_Status_LastCloseDate",
                table: "loans");

            migrationBuilder.DropIndex(
                name: "IX_loans_Status_Bucket",
                table: "loans");

            migrationBuilder.DropIndex(
                name: "IX_journal_entries_PaymentId",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "AllocationJson",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Overpayment",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Prepaid",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ReversalReason",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ReversedAt",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ScheduleBeforeJson",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Surplus",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ChargedOffOn",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "Collector",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "LoanToValue",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "OnWatchList",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "Partition",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "WarningReasons",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "WarningScore",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "PaymentId",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "LateFee",
                table: "installments");

            migrationBuilder.DropColumn(
                name: "PaidLateFee",
                table: "installments");

            migrationBuilder.DropColumn(
                name: "PaidPenalty",
                table: "installments");

            migrationBuilder.DropColumn(
                name: "Penalty",
                table: "installments");

            migrationBuilder.DropColumn(
                name: "PenaltyExact",
                table: "installments");
        }
    }
}
