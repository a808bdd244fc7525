using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityAndCreditReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bureau_authorisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NationalIdHash = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bureau_authorisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NationalIdHash = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PulledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    ReportCipher = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "one_time_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    MobileHash = table.Column<string>(type: "TEXT", nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Delivered = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_one_time_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_guards",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "TEXT", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_guards", x => x.NameHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bureau_authorisations_NationalIdHash_GrantedAt",
                table: "bureau_authorisations",
                columns: new[] { "NationalIdHash", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_reports_NationalIdHash_PulledAt",
                table: "credit_reports",
                columns: new[] { "NationalIdHash", "PulledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_AddressHash_SentAt",
                table: "one_time_codes",
                columns: new[] { "AddressHash", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_MobileHash_SentAt",
                table: "one_time_codes",
                columns: new[] { "MobileHash", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bureau_authorisations");

            migrationBuilder.DropTable(
                name: "credit_reports");

            migrationBuilder.DropTable(
                name: "one_time_codes");

            migrationBuilder.DropTable(
                name: "sign_in_guards");
        }
    }
}
