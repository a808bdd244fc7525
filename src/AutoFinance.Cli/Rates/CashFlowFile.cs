using System.Globalization;
using System.Text.Json;
using AutoFinance.Domain.Rates;

namespace AutoFinance.Cli.Rates;

/// <summary>
/// The cash-flow file of <c>autofinance apr</c>:
/// {"advances":[{"date":"YYYY-MM-DD","amount":"5000.00"}], "payments":[...], "method":"us-actuarial|eu",
///  "unitPeriod":"month|semimonth|week|day|year", "unitPeriodMultiple":1, "euTimeBasis":"actual365|equal-months"}.
/// An EU flow may give "years" instead of "date".
/// </summary>
public sealed record CashFlowFile(
    IReadOnlyList<CashFlow> Advances,
    IReadOnlyList<CashFlow> Payments,
    bool Eu,
    UnitPeriod? UnitPeriod,
    EuTimeBasis EuTimeBasis)
{
    /// <summary>Reads and checks the file; every problem is a <see cref="Common.BadInputException"/> naming its place.</summary>
    public static CashFlowFile Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new Common.BadInputException($"cash-flow file is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad("the file", "must be a JSON object");
            }

            var method = OptionalString(root, "method") ?? "us-actuarial";
            var eu = method switch
            {
                "us-actuarial" => false,
                "eu" => true,
                _ => throw Bad("method", $"'{method}' is not one of us-actuarial, eu"),
            };

            UnitPeriod? unit = null;
            if (OptionalString(root, "unitPeriod") is { } unitText)
            {
                var kind = Domain.Rates.UnitPeriod.ParseKind(unitText) ?? throw Bad("unitPeriod", $"'{unitText}' is not one of month, semimonth, week, day, year");
                var multiple = 1;
                if (root.TryGetProperty("unitPeriodMultiple", out var m))
                {
                    if (m.ValueKind != JsonValueKind.Number || !m.TryGetInt32(out multiple) || multiple < 1 || multiple > 366)
                    {
                        throw Bad("unitPeriodMultiple", "must be a whole number from 1 to 366");
                    }
                }

                unit = new UnitPeriod(kind, multiple);
            }

            var basis = OptionalString(root, "euTimeBasis") switch
            {
                null or "actual365" => EuTimeBasis.Actual365,
                "equal-months" => EuTimeBasis.EqualMonths,
                var other => throw Bad("euTimeBasis", $"'{other}' is not one of actual365, equal-months"),
            };

            var advances = Flows(root, "advances", eu);
            var payments = Flows(root, "payments", eu);
            var start = advances.Where(a => a.Years is null).Select(a => a.Date).DefaultIfEmpty(DateOnly.MaxValue).Min();
            if (!eu && payments.Any(p => p.Date < start))
            {
                throw Bad("payments", "a payment is dated before the first advance");
            }

            if (advances.Any(a => a.Years is null) != advances.All(a => a.Years is null) ||
                (advances.All(a => a.Years is not null) && payments.Any(p => p.Years is null)))
            {
                throw Bad("advances", "give every flow a date, or every flow years (a dated payment needs a dated first advance)");
            }

            return new CashFlowFile(advances, payments, eu, unit, basis);
        }
    }

    private static List<CashFlow> Flows(JsonElement root, string name, bool eu)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw Bad(name, "must be a non-empty array of {\"date\", \"amount\"}");
        }

        var flows = new List<CashFlow>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Bad(at, "must be an object with a date and an amount");
            }

            var amount = Amount(item, at);
            if (item.TryGetProperty("date", out var d))
            {
                var text = d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw Bad($"{at}.date", $"'{d}' is not a date in the form YYYY-MM-DD");
                }

                flows.Add(new CashFlow(date, amount));
            }
            else if (eu && item.TryGetProperty("years", out var y))
            {
                if (y.ValueKind != JsonValueKind.Number || !y.TryGetDouble(out var years) || years < 0 || years > 100)
                {
                    throw Bad($"{at}.years", "must be a number of years from 0 to 100");
                }

                flows.Add(new CashFlow(default, amount, years));
            }
            else
            {
                throw Bad(at, eu ? "needs a date or years" : "needs a date");
            }
        }

        return flows;
    }

    private static decimal Amount(JsonElement item, string at)
    {
        if (!item.TryGetProperty("amount", out var a))
        {
            throw Bad($"{at}.amount", "is required");
        }

        var ok = a.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(a.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : (decimal?)null,
            JsonValueKind.Number => a.TryGetDecimal(out var n) ? n : null,
            _ => null,
        };
        return ok switch
        {
            null => throw Bad($"{at}.amount", $"'{a}' is not a number"),
            <= 0m => throw Bad($"{at}.amount", "must be greater than zero"),
            var value => value.Value,
        };
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : throw Bad(name, "must be a string");
    }

    private static Common.BadInputException Bad(string field, string message) => new($"{field}: {message}");
}
