using AutoFinance.Cli.Common;
using AutoFinance.Credit.Challenger;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>--monotone</c> of train and benchmark: <c>trend</c> holds the challenger to the scorecard's ascending and
/// descending bins; <c>COL:increasing,COL:decreasing</c> names columns and directions; both may be given together.
/// </summary>
internal static class MonotoneOption
{
    public const string Description =
        "Hold the challenger monotone: 'trend' follows the scorecard's ascending and descending numeric bins; COL:increasing or COL:decreasing (pd as the value grows), comma-separated; both may be combined.";

    public static (bool FromTrends, IReadOnlyDictionary<string, MonotoneDirection> Directions) Parse(InputReader input, string? text)
    {
        ArgumentNullException.ThrowIfNull(input);
        var directions = new Dictionary<string, MonotoneDirection>(StringComparer.Ordinal);
        var fromTrends = false;
        foreach (var part in CreditInput.List(text))
        {
            if (part.Equals("trend", StringComparison.OrdinalIgnoreCase))
            {
                fromTrends = true;
                continue;
            }

            var colon = part.LastIndexOf(':');
            var direction = colon <= 0 ? null : part[(colon + 1)..].Trim().ToLowerInvariant() switch
            {
                "increasing" or "+" => MonotoneDirection.Increasing,
                "decreasing" or "-" => MonotoneDirection.Decreasing,
                _ => (MonotoneDirection?)null,
            };
            if (direction is null)
            {
                input.Add(new Domain.Validation.FieldError("monotone", $"'{part}' is not 'trend' nor COLUMN:increasing or COLUMN:decreasing"));
                continue;
            }

            directions[part[..colon].Trim()] = direction.Value;
        }

        return (fromTrends, directions);
    }
}
