using System.Text.Json;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>A check's figures read back as a dictionary of the same pairs would give them.</summary>
public sealed class OrderedFiguresTests
{
    [Fact]
    public void Figures_are_read_in_the_order_set_and_a_name_set_again_keeps_its_place()
    {
        var figures = new OrderedFigures(1) { ["limit"] = "0.5000", ["payment"] = "100.00", ["income"] = "900.00" };
        figures["limit"] = "0.4000";
        figures["actual"] = "0.1111";

        Assert.Equal(["limit", "payment", "income", "actual"], figures.Keys);
        Assert.Equal(["0.4000", "100.00", "900.00", "0.1111"], figures.Values);
        Assert.Equal(4, figures.Count);
        Assert.Equal("0.4000", figures["limit"]);
        Assert.True(figures.TryGetValue("income", out var income));
        Assert.Equal("900.00", income);
        Assert.False(figures.ContainsKey("Limit"));
        Assert.Equal("—", figures.GetValueOrDefault("missing", "—"));
        Assert.Throws<KeyNotFoundException>(() => figures["missing"]);
    }

    [Fact]
    public void Figures_serialise_as_the_dictionary_of_the_same_pairs()
    {
        IReadOnlyDictionary<string, string> figures = new OrderedFigures(("age", "23"), ("min", "18"));
        IReadOnlyDictionary<string, string> dictionary = new Dictionary<string, string> { ["age"] = "23", ["min"] = "18" };

        Assert.Equal(JsonSerializer.Serialize(dictionary), JsonSerializer.Serialize(figures));
    }
}
