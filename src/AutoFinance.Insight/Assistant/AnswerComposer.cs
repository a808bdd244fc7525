using System.Globalization;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Insight.Assistant;

/// <summary>Fills the templates from a <see cref="LoanSnapshot"/>: every number in an answer is one of the snapshot's.</summary>
/// <remarks>Amounts are written as the currency rounds them with group separators ("3,021.63 CNY"); dates as yyyy-MM-dd.
/// An intent whose figure is null, and <see cref="AssistantIntent.Unknown"/>, hand over to a human.</remarks>
public static class AnswerComposer
{
    /// <summary>Composes the answer to an intent in <paramref name="language"/> ("zh-CN" or "en").</summary>
    public static AssistantAnswer Compose(AssistantIntent intent, LoanSnapshot snapshot, string language)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        language = AnswerTemplates.IsChinese(language) ? "zh-CN" : "en";
        var template = AnswerTemplates.For(intent, language);
        return intent switch
        {
            AssistantIntent.NextDue or AssistantIntent.Balance or AssistantIntent.PayoffToday or AssistantIntent.HowToPrepay or AssistantIntent.Overdue when snapshot.PaidOff =>
                Answer(Fill(AnswerTemplates.PaidOff(language), null, null, snapshot), null, null),
            AssistantIntent.NextDue or AssistantIntent.Overdue when snapshot is { OverdueCount: > 1, OverdueTotal: { } owed, NextDueDate: { } oldest } =>
                Answer(Fill(AnswerTemplates.SeveralOverdue(language), owed, oldest, snapshot), owed, oldest),
            AssistantIntent.NextDue or AssistantIntent.Overdue when snapshot is { NextDueDate: { } date, NextDueAmount: { } amount } && date < snapshot.AsOf =>
                Answer(Fill(AnswerTemplates.Overdue(language), amount, date, snapshot), amount, date),
            AssistantIntent.Overdue when snapshot is { NextDueDate: { } date, NextDueAmount: { } amount } =>
                Answer(Fill(template, amount, date, snapshot), amount, date),
            AssistantIntent.Hardship or AssistantIntent.LateCharges or AssistantIntent.ChangeDueDate or AssistantIntent.ChargeWaiver =>
                Answer(template, null, null),
            AssistantIntent.NextDue when snapshot is { NextDueDate: { } date, NextDueAmount: { } amount, CreditHeld.Amount: > 0m, NextDueAfterCredit: { } rest } =>
                Answer(Fill(rest.Amount == 0m ? AnswerTemplates.CoveredByCredit(language) : AnswerTemplates.PartlyCoveredByCredit(language), amount, date, snapshot), rest, date),
            AssistantIntent.NextDue when snapshot is { NextDueDate: { } date, NextDueAmount: { } amount } =>
                Answer(Fill(template, amount, date, snapshot), amount, date),
            AssistantIntent.Balance when snapshot.OutstandingPrincipal is { } principal =>
                Answer(Fill(template, principal, null, snapshot), principal, snapshot.AsOf),
            AssistantIntent.PayoffToday or AssistantIntent.HowToPrepay when snapshot.PayoffToday is { } payoff =>
                Answer(Fill(template, payoff, null, snapshot), payoff, snapshot.AsOf),
            AssistantIntent.ApplicationStatus when snapshot is { ApplicationId: not null, ApplicationStatus: not null } =>
                Answer(Fill(template, null, null, snapshot), null, null),
            AssistantIntent.Unknown =>
                new AssistantAnswer(intent, language, template, true, "intent not recognised", null, null),
            _ => new AssistantAnswer(intent, language, AnswerTemplates.MissingFigure(language), true, "figure not available", null, null),
        };

        AssistantAnswer Answer(string text, Money? amount, DateOnly? date) => new(intent, language, text, false, null, amount, date);
    }

    /// <summary>An amount as the answers write it: rounded to the minor unit, grouped, with the currency code.</summary>
    public static string FormatAmount(Money amount) =>
        amount.Currency.Normalize(amount.Amount).ToString("N" + amount.Currency.MinorUnits, CultureInfo.InvariantCulture) + " " + amount.Currency.Code;

    /// <summary>A date as the answers write it.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fill(string template, Money? amount, DateOnly? date, LoanSnapshot s) => template
        .Replace("{amount}", amount is { } a ? FormatAmount(a) : string.Empty, StringComparison.Ordinal)
        .Replace("{date}", date is { } d ? FormatDate(d) : string.Empty, StringComparison.Ordinal)
        .Replace("{asOf}", FormatDate(s.AsOf), StringComparison.Ordinal)
        .Replace("{loan}", s.LoanId ?? string.Empty, StringComparison.Ordinal)
        .Replace("{application}", s.ApplicationId ?? string.Empty, StringComparison.Ordinal)
        .Replace("{status}", s.ApplicationStatus ?? string.Empty, StringComparison.Ordinal)
        .Replace("{credit}", s.CreditHeld is { } c ? FormatAmount(c) : string.Empty, StringComparison.Ordinal)
        .Replace("{rest}", s.NextDueAfterCredit is { } r ? FormatAmount(r) : string.Empty, StringComparison.Ordinal)
        .Replace("{count}", s.OverdueCount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
