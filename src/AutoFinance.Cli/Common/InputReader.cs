using System.Globalization;
using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Cli.Common;

/// <summary>Reads option text into typed values, collecting every problem so they can be told at once.</summary>
public sealed class InputReader
{
    private readonly List<FieldError> errors = [];

    public IReadOnlyList<FieldError> Errors => errors;

    public void Add(FieldError error) => errors.Add(error);

    public void AddRange(IEnumerable<FieldError> more) => errors.AddRange(more);

    /// <summary>Throws one bad-input line listing every problem collected.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors.Select(e => $"--{e.Field}: {e.Message}")));
        }
    }

    public decimal? Decimal(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A number beyond what a decimal holds (1e30) is named as too large, not as "not a number".
        var tooLarge = double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) >= (double)decimal.MaxValue;
        errors.Add(new FieldError(field, tooLarge ? $"'{text}' is too large" : $"'{text}' is not a number"));
        return null;
    }

    public int? Integer(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not a whole number"));
        return null;
    }

    /// <summary>A whole number within [min, max], the fallback when the option is absent; a problem is collected when out of range.</summary>
    public int IntegerBetween(string field, string? text, int fallback, int min, int max)
    {
        var value = Integer(field, text) ?? fallback;
        if (value < min || value > max)
        {
            errors.Add(new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}")));
        }

        return value;
    }

    /// <summary>A measuring time in seconds, above zero and at most ten minutes; the fallback when the option is absent.</summary>
    public TimeSpan Duration(string field, string? text, decimal fallback)
    {
        var value = Decimal(field, text) ?? fallback;
        if (value is <= 0m or > 600m)
        {
            errors.Add(new FieldError(field, "must be more than 0 and at most 600"));
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds((double)value);
    }

    public DateOnly? Date(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not a date in the form YYYY-MM-DD"));
        return null;
    }

    public DayCountConvention? DayCount(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "30/360": return DayCountConvention.Thirty360;
            case "actual/360": return DayCountConvention.Actual360;
            case "actual/365": return DayCountConvention.Actual365;
            case "actual/actual": return DayCountConvention.ActualActual;
            default:
                errors.Add(new FieldError(field, $"'{text}' is not one of 30/360, actual/360, actual/365, actual/actual"));
                return null;
        }
    }
}
