using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NationalIdHash = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    TextVersion = table.Column<string>(type: "text", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bureau_authorisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NationalIdHash = table.Column<string>(type: "text", nullable: false),
                    AuthorisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PulledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    ReportCipher = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "one_time_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    MobileHash = table.Column<string>(type: "text", nullable: false),
                    AddressHash = table.Column<string>(type: "text", nullable: true),
                    CodeHash = table.Column<string>(type: "text", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Delivered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_one_time_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_guards",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "text", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
