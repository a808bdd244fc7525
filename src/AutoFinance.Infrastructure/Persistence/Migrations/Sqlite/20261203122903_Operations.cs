using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Occurrence = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Figure = table.Column<double>(type: "REAL", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_FullNameHash",
                table: "customers",
                column: "FullNameHash");

            migrationBuilder.CreateIndex(
                name: "IX_applications_VinHash",
                table: "applications",
                column: "VinHash");

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_Job_Occurrence",
                table: "job_runs",
                columns: new[] { "Job", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_Job_StartedAt",
                table: "job_runs",
                columns: new[] { "Job", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_alerts_DedupeKey",
                table: "staff_alerts",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_alerts_RaisedAt",
                table: "staff_alerts",
                column: "RaisedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "staff_alerts");

            migrationBuilder.DropIndex(
                name: "IX_customers_FullNameHash",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "IX_applications_VinHash",
                table: "applications");
        }
    }
}
