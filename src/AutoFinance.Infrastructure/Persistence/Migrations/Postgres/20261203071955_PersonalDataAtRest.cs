using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoFinance.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Sign-in names become a keyed hash plus an encrypted value, display names and collection notes encrypted. SQL
    /// cannot compute the hash or the encryption (their keys live outside the database), so existing rows are marked
    /// <c>plain:</c> here and rewritten by <c>PlainPersonalDataUpgrade</c> when the platform starts.
    /// </summary>
    public partial class PersonalDataAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "UserName",
                table: "users",
                newName: "UserNameHash");

            migrationBuilder.RenameIndex(
                name: "IX_users_UserName",
                table: "users",
                newName: "IX_users_UserNameHash");

            migrationBuilder.RenameColumn(
                name: "DisplayName",
                table: "users",
                newName: "DisplayNameCipher");

            migrationBuilder.AddColumn<string>(
                name: "UserNameCipher",
                table: "users",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "collection_contacts",
                newName: "NoteCipher");

            migrationBuilder.Sql("UPDATE users SET \"UserNameCipher\" = 'plain:' || \"UserNameHash\", \"UserNameHash\" = 'plain:' || \"UserNameHash\", \"DisplayNameCipher\" = 'plain:' || \"DisplayNameCipher\";");
            migrationBuilder.Sql("UPDATE collection_contacts SET \"NoteCipher\" = 'plain:' || \"NoteCipher\" WHERE \"NoteCipher\" IS NOT NULL;");
        }

        /// <inheritdoc />
        /// <remarks>Only the shape is restored: values encrypted since the upgrade stay encrypted.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UserNameCipher",
                table: "users");

            migrationBuilder.RenameColumn(
                name: "DisplayNameCipher",
                table: "users",
                newName: "DisplayName");

            migrationBuilder.RenameIndex(
                name: "IX_users_UserNameHash",
                table: "users",
                newName: "IX_users_UserName");

            migrationBuilder.RenameColumn(
                name: "UserNameHash",
                table: "users",
                newName: "UserName");

            migrationBuilder.RenameColumn(
                name: "NoteCipher",
                table: "collection_contacts",
                newName: "Note");
        }
    }
}
