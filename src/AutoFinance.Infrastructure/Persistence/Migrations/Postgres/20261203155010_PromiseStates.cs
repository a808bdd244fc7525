using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromiseStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A recorded promise was stored as "open"; it is now the promise state's own word.
            migrationBuilder.Sql("UPDATE collection_contacts SET \"PromiseStatus\" = 'pending' WHERE \"PromiseStatus\" = 'open';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE collection_contacts SET \"PromiseStatus\" = 'open' WHERE \"PromiseStatus\" = 'pending';");
        }
    }
}
