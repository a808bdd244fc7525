using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealerContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "dealers",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "dealers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "zh-CN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Email",
                table: "dealers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "dealers");
        }
    }
}
