using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Action_Sequence",
                table: "audit_log",
                columns: new[] { "Action", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Actor_Sequence",
                table: "audit_log",
                columns: new[] { "Actor", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityId_Sequence",
                table: "audit_log",
                columns: new[] { "EntityId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_log_Action_Sequence",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Actor_Sequence",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_At",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_EntityId_Sequence",
                table: "audit_log");
        }
    }
}
