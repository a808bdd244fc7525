using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;
using Spectre.Console;

namespace AutoFinance.Cli.Loans;

/// <summary>The schedule as the CLI shows it: a JSON document or a table.</summary>
public static class ScheduleView
{
    public sealed record Row(int Number, DateOnly DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance);

    public sealed record Totals(decimal Payment, decimal Principal, decimal Interest, decimal Fees);

    public sealed record Document(
        string Method,
        string Currency,
        decimal LoanPrincipal,
        decimal AmountFinanced,
        IReadOnlyList<Row> Installments,
        Totals Totals,
        decimal Apr,
        decimal EffectiveAnnualRate);

    public static Document ToDocument(RepaymentSchedule schedule)
    {
        var c = schedule.Terms.Currency;
        var rates = AnnualisedRates.Of(schedule);
        var t = schedule.Totals;
        return new Document(
            schedule.Terms.Method.ToName(),
            c.Code,
            c.Normalize(schedule.Terms.LoanPrincipal),
            c.Normalize(schedule.Terms.AmountFinanced),
            [.. schedule.Installments.Select(r => new Row(
                r.Number, r.DueDate, c.Normalize(r.Payment), c.Normalize(r.Principal), c.Normalize(r.Interest), c.Normalize(r.Fee), c.Normalize(r.Balance)))],
            new Totals(c.Normalize(t.Payment), c.Normalize(t.Principal), c.Normalize(t.Interest), c.Normalize(t.Fees)),
            Math.Round(rates.AprPercent, 6),
            Math.Round(rates.EffectiveAnnualPercent, 6));
    }

    public static void Render(IAnsiConsole console, Document doc)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"{doc.Method} schedule, {doc.Currency} {doc.LoanPrincipal:N2}");
        foreach (var column in new[] { "#", "due date", "payment", "principal", "interest", "fee", "balance" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in doc.Installments)
        {
            table.AddRow(
                r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Money(r.Payment), Money(r.Principal), Money(r.Interest), Money(r.Fee), Money(r.Balance));
        }

        table.AddRow("", "total", Money(doc.Totals.Payment), Money(doc.Totals.Principal), Money(doc.Totals.Interest), Money(doc.Totals.Fees), "");
        console.Write(table);
        console.WriteLine($"Amount financed {Money(doc.AmountFinanced)}   APR {doc.Apr:F4}%   effective annual rate {doc.EffectiveAnnualRate:F4}%");
    }

    internal static string Money(decimal amount) => amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
