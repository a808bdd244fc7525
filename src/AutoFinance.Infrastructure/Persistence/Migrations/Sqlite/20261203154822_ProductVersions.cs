using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProductVersion",
                table: "offers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProductVersion",
                table: "loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "product_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    PolicyJson = table.Column<string>(type: "TEXT", nullable: false),
                    RateCardJson = table.Column<string>(type: "TEXT", nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_product_versions_Code_Version",
                table: "product_versions",
                columns: new[] { "Code", "Version" },
                unique: true);

            // Every product as it stands becomes its version 1, and every offer and loan made so far was made under it.
            migrationBuilder.Sql(
                """
                INSERT INTO product_versions ("Id", "ProductId", "Code", "Version", "Name", "PolicyJson", "RateCardJson", "RulesJson", "EffectiveFrom", "ProposedBy", "ApprovedBy", "Reason")
                  SELECT "Id", "Id", "Code", 1, "Name", "PolicyJson", "RateCardJson", "RulesJson", 621355968000000000, 'migration', NULL, 'the product as configured before versions'
                  FROM products;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_versions");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                table: "products");

            migrationBuilder.DropColumn(
                name: "ProductVersion",
                table: "offers");

            migrationBuilder.DropColumn(
                name: "ProductVersion",
                table: "loans");
        }
    }
}
