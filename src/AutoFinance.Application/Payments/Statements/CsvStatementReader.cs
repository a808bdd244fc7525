using System.Globalization;

namespace AutoFinance.Application.Payments.Statements;

/// <summary>
/// Reads the simple statement CSV: a header line naming the columns <c>entryReference,bookingDate,amount,currency,
/// direction,payerName,reference</c> (in any order; <c>direction</c> is CRDT or DBIT, default CRDT), one entry a line.
/// Fields with commas are double-quoted.
/// </summary>
public static class CsvStatementReader
{
    public static BankStatement Read(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0].Trim().Length == 0)
        {
            throw new StatementFormatException("line 1: a header line is required");
        }

        var header = Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name.ToLowerInvariant());
        foreach (var required in new[] { "entryReference", "bookingDate", "amount", "currency" })
        {
            if (Column(required) < 0)
            {
                throw new StatementFormatException($"line 1: the header has no {required} column");
            }
        }

        var entries = new List<StatementEntry>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = Fields(lines[i]);
            string? Field(string name) => Column(name) is var c and >= 0 && c < fields.Count && fields[c].Trim() is { Length: > 0 } v ? v : null;
            var line = i + 1;
            var reference = Field("entryReference") ?? throw new StatementFormatException($"line {line}: entryReference is empty");
            if (!DateOnly.TryParseExact(Field("bookingDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new StatementFormatException($"line {line}: bookingDate must be YYYY-MM-DD");
            }

            if (!decimal.TryParse(Field("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            {
                throw new StatementFormatException($"line {line}: amount must be a positive number");
            }

            if (!StatementAmounts.IsWholeCents(amount))
            {
                throw new StatementFormatException($"line {line}: amount has more than two decimal places");
            }

            var direction = Field("direction")?.ToUpperInvariant() ?? "CRDT";
            if (direction is not ("CRDT" or "DBIT"))
            {
                throw new StatementFormatException($"line {line}: direction must be CRDT or DBIT");
            }

            entries.Add(new StatementEntry(reference, date, amount, Field("currency")!, direction == "CRDT", Field("payerName"), Field("reference") is { } r ? [r] : []));
        }

        return new BankStatement("csv", null, entries);
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
