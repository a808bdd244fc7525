using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProductVersion",
                table: "offers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProductVersion",
                table: "loans",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "product_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    PolicyJson = table.Column<string>(type: "text", nullable: false),
                    RateCardJson = table.Column<string>(type: "text", nullable: false),
                    RulesJson = table.Column<string>(type: "text", nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                  SELECT "Id", "Id", "Code", 1, "Name", "PolicyJson", "RateCardJson", "RulesJson", TIMESTAMPTZ '1970-01-01 00:00:00+00', 'migration', NULL, 'the product as configured before versions'
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
