using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChargeWaivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WaivedLateFee",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WaivedPenalty",
                table: "installments",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaivedLateFee",
                table: "installments");

            migrationBuilder.DropColumn(
                name: "WaivedPenalty",
                table: "installments");
        }
    }
}
