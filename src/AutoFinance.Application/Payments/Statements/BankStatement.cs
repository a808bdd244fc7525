namespace AutoFinance.Application.Payments.Statements;

/// <summary>One booked entry of a bank statement: its entry reference (unique per account), date, amount, direction, and what identifies the payer and the loan.</summary>
public sealed record StatementEntry(
    string EntryReference, DateOnly BookingDate, decimal Amount, string Currency, bool IsCredit, string? PayerName, IReadOnlyList<string> References)
{
    /// <summary>For a credit that sends back a transfer the lender made (camt.053 <c>RtrInf</c>): the bank's reason.</summary>
    public StatementReturn? Return { get; init; }
}

/// <summary>Why a bank sent a transfer back: its ISO 20022 reason code (such as AC04, account closed) and any text, either possibly absent.</summary>
public sealed record StatementReturn(string? Code, string? Text);

/// <summary>A statement as read, or the problem that kept it from being read (with the line or element where it is).</summary>
public sealed record BankStatement(string Format, string? StatementId, IReadOnlyList<StatementEntry> Entries)
{
    public static BankStatement Read(string content, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return (format?.Trim().ToLowerInvariant() ?? (trimmed.StartsWith('<') ? "camt053" : "csv")) switch
        {
            "camt053" or "camt.053" or "xml" => Camt053Reader.Read(trimmed),
            "csv" => CsvStatementReader.Read(trimmed),
            var other => throw new StatementFormatException($"format '{other}' is not camt053 or csv"),
        };
    }
}

/// <summary>A statement that cannot be read; the message names where.</summary>
public sealed class StatementFormatException(string message) : Exception(message);
