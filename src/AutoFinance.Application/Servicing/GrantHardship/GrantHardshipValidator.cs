using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Servicing.GrantHardship;

/// <summary>A hardship plan's input, every problem at once: a known kind, 1 to 6 skipped instalments or 1 to 120 months, and a reason.</summary>
public static class GrantHardshipValidator
{
    public const string Holiday = "payment-holiday";
    public const string Extension = "term-extension";
    public const string Reamortise = "re-amortisation";

    public sealed record Valid(string Kind, HardshipKind Plan, int Count, string Reason);

    public static (Valid? Plan, IReadOnlyList<FieldError> Errors) Validate(GrantHardshipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind?.Trim().ToLowerInvariant();
        var errors = new List<FieldError>();
        if (kind is not (Holiday or Extension or Reamortise))
        {
            errors.Add(new("kind", $"must be {Holiday}, {Extension} or {Reamortise}"));
        }
        else if (kind == Holiday && request.Installments is not (>= 1 and <= 6))
        {
            errors.Add(new("installments", "a payment holiday skips 1 to 6 instalments"));
        }
        else if (kind != Holiday && request.Months is not (>= 1 and <= 120))
        {
            errors.Add(new("months", kind == Extension ? "a term extension adds 1 to 120 months" : "a re-amortisation runs 1 to 120 months"));
        }

        var reason = request.Reason?.Trim();
        if (reason is not { Length: >= 3 and <= 500 })
        {
            errors.Add(new("reason", "must say why, in 3 to 500 characters"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var plan = kind switch { Holiday => HardshipKind.PaymentHoliday, Extension => HardshipKind.TermExtension, _ => HardshipKind.Reamortisation };
        return (new Valid(kind!, plan, kind == Holiday ? request.Installments!.Value : request.Months!.Value, reason!), []);
    }
}
