using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "Overpayment",
                table: "payments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Prepaid",
                table: "payments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ReversalReason",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReversedAt",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleBeforeJson",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "payments",
                type: "text",
                nullable: false,
                defaultValue: "posted");

            migrationBuilder.AddColumn<string>(
                name: "Surplus",
                table: "payments",
                type: "text",
                nullable: false,
                defaultValue: "hold");

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChargedOffOn",
                table: "loans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "loans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Collector",
                table: "loans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LoanToValue",
                table: "loans",
                type: "numeric(18,8)",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnWatchList",
                table: "loans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Partition",
                table: "loans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WarningReasons",
                table: "loans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WarningScore",
                table: "loans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PaymentId",
                table: "journal_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LateFee",
                table: "installments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PaidLateFee",
                table: "installments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PaidPenalty",
                table: "installments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Penalty",
                table: "installments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PenaltyExact",
                table: "installments",
                type: "numeric(18,8)",
                precision: 18,
                scale: 8,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "cob_partitions",
                columns: table => new
                {
                    BusinessDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Partition = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Worker = table.Column<string>(type: "text", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Loans = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cob_partitions", x => new { x.BusinessDate, x.Partition });
                });

            migrationBuilder.CreateTable(
                name: "collection_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LoanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Collector = table.Column<string>(type: "text", nullable: false),
                    ContactedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    PromisedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PromisedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PromiseStatus = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LoanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    ParametersJson = table.Column<string>(type: "text", nullable: false),
                    ScheduleBeforeJson = table.Column<string>(type: "text", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DedupeKey = table.Column<string>(type: "text", nullable: false),
                    LoanId = table.Column<Guid>(type: "uuid", nullable: true),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "text", nullable: false),
                    Template = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
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
