using System.Globalization;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// A promotion's offer and conditions in plain words for customers, in Chinese or English: the rate or discount, the
/// makes, models, terms and vehicles it covers, the down payment it asks and the days it is open.
/// </summary>
public static class PromotionWording
{
    public static string Describe(Promotion promotion, bool english)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var parts = new List<string>();
        if (promotion.AnnualRate is not null || promotion.RateDiscount is not null || !promotion.WaivesPrepaymentFee)
        {
            parts.Add(Offer(promotion, english));
        }

        if (promotion.WaivesPrepaymentFee)
        {
            parts.Add(english ? "no fee for repaying early" : "提前还款免手续费");
        }

        var makes = (promotion.Makes ?? []).Concat(promotion.Make is { } make ? [make] : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (makes.Count > 0)
        {
            parts.Add(english ? "for " + string.Join(", ", makes) : "适用品牌：" + string.Join("、", makes));
        }

        if (promotion.Models is { Count: > 0 } models)
        {
            parts.Add(english ? "models " + string.Join(", ", models) : "适用车型：" + string.Join("、", models));
        }

        if (promotion.Condition is { } condition)
        {
            parts.Add(condition == VehicleCondition.New ? (english ? "new cars only" : "仅限新车") : (english ? "used cars only" : "仅限二手车"));
        }

        if (promotion.Energy is { } energy)
        {
            parts.Add(energy == VehicleEnergy.NewEnergy ? (english ? "new-energy vehicles only" : "仅限新能源车") : (english ? "conventional vehicles only" : "仅限燃油车"));
        }

        parts.Add(promotion.Terms is { Count: > 0 } terms
            ? (english ? "terms of " + string.Join(", ", terms.Order()) + " months" : "期限 " + string.Join("、", terms.Order()) + " 个月")
            : (english ? $"terms up to {promotion.MaxTermMonths} months" : $"期限不超过 {promotion.MaxTermMonths} 个月"));
        if (promotion.MinDownPaymentFraction > 0m)
        {
            var percent = Percent(promotion.MinDownPaymentFraction);
            parts.Add(english ? $"a down payment of at least {percent}" : $"首付不低于 {percent}");
        }

        parts.Add((promotion.ValidFrom, promotion.ValidTo) switch
        {
            ({ } from, { } to) => english ? $"applications from {Date(from)} to {Date(to)}" : $"申请日期 {Date(from)} 至 {Date(to)}",
            ({ } from, null) => english ? $"applications from {Date(from)}" : $"{Date(from)} 起申请",
            (null, { } to) => english ? $"applications until {Date(to)}" : $"申请截止 {Date(to)}",
            _ => english ? "no end date" : "长期有效",
        });
        return english ? string.Join("; ", parts) + "." : string.Join("；", parts) + "。";
    }

    private static string Offer(Promotion promotion, bool english) => (promotion.AnnualRate, promotion.RateDiscount) switch
    {
        ({ } rate, _) => english ? $"{Percent(rate)} a year" : $"年利率 {Percent(rate)}",
        (null, { } discount) => english ? $"{Percent(discount)} off the standard rate" : $"在标准利率上优惠 {Percent(discount)}",
        _ => english ? "the standard rate" : "标准利率",
    };

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
