using System.Data.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Everything the identity and fraud checks ask of the database, in one statement: velocity counts per key (each an
/// indexed range; the IP address and dealer counts stop at their cap), blacklist hits, a financed VIN, an open
/// duplicate application and the customer on file. One round trip instead of seven is most of the cost of a decision
/// on the hot path. Parameters take their types and conversions from the EF model, so the same SQL runs on SQLite
/// (integer ticks, text GUIDs) and PostgreSQL (timestamptz, uuid).
/// </summary>
internal static class FraudFactsQuery
{
    private const string Sql = """
        SELECT
          (SELECT COUNT(*) FROM applications WHERE "NationalIdHash" = @n AND "SubmittedAt" >= @sn),
          (SELECT COUNT(*) FROM applications WHERE "MobileHash" = @m AND "SubmittedAt" >= @sm),
          (SELECT COUNT(*) FROM applications WHERE "DeviceIdHash" = @d AND "SubmittedAt" >= @sd),
          (SELECT COUNT(*) FROM (SELECT 1 AS x FROM applications WHERE "ClientIpHash" = @i AND "SubmittedAt" >= @si LIMIT @ci) ip),
          (SELECT COUNT(*) FROM (SELECT 1 AS x FROM applications WHERE "DealerId" = @dl AND "SubmittedAt" >= @sdl LIMIT @cdl) dealer),
          EXISTS (SELECT 1 FROM blacklist WHERE "Kind" = 'national-id' AND "ValueHash" = @n AND "RemovedAt" IS NULL),
          EXISTS (SELECT 1 FROM blacklist WHERE "Kind" = 'mobile' AND "ValueHash" = @m AND "RemovedAt" IS NULL),
          EXISTS (SELECT 1 FROM blacklist WHERE "Kind" = 'vin' AND "ValueHash" = @v AND "RemovedAt" IS NULL),
          EXISTS (SELECT 1 FROM contracts WHERE "VinHash" = @v AND "Status" NOT IN ('closed', 'cancelled')),
          EXISTS (SELECT 1 FROM applications a WHERE a."NationalIdHash" = @n AND a."VinHash" = @v AND a."SubmittedAt" >= @sdup
                    AND a."Status" IN ('approved', 'referred')
                    AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c."ApplicationId" = a."Id")),
          (SELECT "Id" FROM customers WHERE "NationalIdHash" = @n),
          (SELECT "FullNameHash" FROM customers WHERE "NationalIdHash" = @n),
          (SELECT "MobileHash" FROM customers WHERE "NationalIdHash" = @n)
        """;

    private static readonly VelocityKey[] Keys = [VelocityKey.NationalId, VelocityKey.Mobile, VelocityKey.Device, VelocityKey.ClientIp, VelocityKey.Dealer];

    public static async Task<FraudFacts> RunAsync(AutoFinanceDbContext db, FraudQuery query, CancellationToken ct)
    {
        var h = query.Hashes;
        var application = db.Model.FindEntityType(typeof(ApplicationRow))!;
        RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)application.FindProperty(property)!.GetRelationalTypeMapping();
        var text = Mapping(nameof(ApplicationRow.NationalIdHash));
        var time = Mapping(nameof(ApplicationRow.SubmittedAt));
        var dealer = Mapping(nameof(ApplicationRow.DealerId));
        var never = DateTimeOffset.MaxValue.AddYears(-1);
        DateTimeOffset Since(VelocityKey key) => query.WindowStarts.TryGetValue(key, out var start) ? start : never;

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql;
            Add(command, text, "@n", h.NationalId);
            Add(command, text, "@m", h.Mobile);
            Add(command, text, "@d", h.Device);
            Add(command, text, "@i", h.ClientIp);
            Add(command, text, "@v", h.Vin);
            Add(command, dealer, "@dl", query.DealerId);
            Add(command, time, "@sn", Since(VelocityKey.NationalId));
            Add(command, time, "@sm", Since(VelocityKey.Mobile));
            Add(command, time, "@sd", Since(VelocityKey.Device));
            Add(command, time, "@si", Since(VelocityKey.ClientIp));
            Add(command, time, "@sdl", Since(VelocityKey.Dealer));
            Add(command, time, "@sdup", query.DuplicateSince);
            AddLimit(command, "@ci", query.CountCap.GetValueOrDefault(VelocityKey.ClientIp, int.MaxValue - 1) + 1);
            AddLimit(command, "@cdl", query.CountCap.GetValueOrDefault(VelocityKey.Dealer, int.MaxValue - 1) + 1);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            var counts = new Dictionary<VelocityKey, int>();
            for (var k = 0; k < Keys.Length; k++)
            {
                if (query.WindowStarts.ContainsKey(Keys[k]))
                {
                    counts[Keys[k]] = Convert.ToInt32(reader.GetValue(k), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var kinds = new HashSet<string>(StringComparer.Ordinal);
            if (Flag(reader, 5))
            {
                kinds.Add("national-id");
            }

            if (Flag(reader, 6))
            {
                kinds.Add("mobile");
            }

            if (Flag(reader, 7))
            {
                kinds.Add("vin");
            }

            Guid? customerId = reader.IsDBNull(10) ? null : reader.GetValue(10) switch { Guid g => g, var other => Guid.Parse(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)!) };
            var customerName = reader.IsDBNull(11) ? null : reader.GetString(11);
            var customerMobile = reader.IsDBNull(12) ? null : reader.GetString(12);
            return new FraudFacts(counts, kinds, Flag(reader, 8), Flag(reader, 9), customerId, customerName) { CustomerMobileHash = customerMobile };
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    private static bool Flag(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) != 0;

    private static void Add(DbCommand command, RelationalTypeMapping mapping, string name, object? value) =>
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: true));

    private static void AddLimit(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
