using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Data;

public sealed class DatasetLoaderTests
{
    private static readonly DatasetOptions Bad01 = new() { Target = "bad" };

    [Fact]
    public void Numbers_and_text_are_told_apart_and_missing_spellings_are_missing()
    {
        var loaded = TestData.Csv("age,home,score,bad\n30,own,1.5,0\nNA,rent,,1\n45,,-2e3,0\n", Bad01);

        var age = Assert.IsType<NumericColumn>(loaded.Data.Find("age"));
        Assert.Equal([30, double.NaN, 45], age.Values);
        var home = Assert.IsType<CategoricalColumn>(loaded.Data.Find("home"));
        Assert.True(home.IsMissing(2));
        Assert.Equal([1.5, double.NaN, -2000], Assert.IsType<NumericColumn>(loaded.Data.Find("score")).Values);
        Assert.Equal([0, 1, 0], loaded.Data.Target);
    }

    [Fact]
    public void Numbers_are_read_the_same_whatever_the_machine_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var loaded = TestData.Csv("x,bad\n1.25,0\n2.5,1\n", Bad01);
            Assert.Equal([1.25, 2.5], Assert.IsType<NumericColumn>(loaded.Data.Columns[0]).Values);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_numeric_column_can_be_forced_categorical()
    {
        var loaded = TestData.Csv("region,bad\n11,0\n12,1\n11,1\n", Bad01 with { Categorical = new HashSet<string> { "region" } });

        var region = Assert.IsType<CategoricalColumn>(loaded.Data.Columns[0]);
        Assert.Equal(["11", "12"], region.Levels);
    }

    [Fact]
    public void Constant_all_missing_and_identifier_columns_are_reported_and_dropped()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"{i % 2},same,,id{i},{i % 5}"));
        var loaded = TestData.Csv("bad,constant,empty,id,x\n" + rows + "\n", Bad01);

        Assert.Equal(["x"], loaded.Data.Columns.Select(c => c.Name));
        Assert.Equal(["constant: constant", "empty: all values missing", "id: more than 200 distinct text values (an identifier?)"],
            loaded.Dropped.Select(d => $"{d.Name}: {d.Reason}"));
    }

    [Fact]
    public void The_bad_value_can_be_named()
    {
        var loaded = TestData.Csv("x,outcome\n1,good\n2,bad\n3,good\n", new DatasetOptions { Target = "outcome", BadValue = "bad" });

        Assert.Equal([0, 1, 0], loaded.Data.Target);
    }

    [Theory]
    [InlineData("x,bad\n1,0\n2,1\n", "nope", null, "the target column 'nope' is not in the file")]
    [InlineData("x,bad\n1,0\n2,2\n3,1\n", "bad", null, "is not binary")]
    [InlineData("x,bad\n1,yes\n2,no\n", "bad", null, "must be 0/1")]
    [InlineData("x,bad\n1,0\n2,0\n", "bad", null, "has one class only (all good)")]
    [InlineData("x,bad\n1,good\n2,poor\n", "bad", "bad", "the bad value 'bad' never occurs")]
    [InlineData("", "bad", null, "the file is empty")]
    [InlineData("x,bad\n", "bad", null, "header but no data rows")]
    [InlineData("x,bad\n1,0\n2\n", "bad", null, "has 1 fields, the header has 2 (ragged file)")]
    [InlineData("x,bad\n1,0\n2,\n", "bad", null, "has no value on line 3")]
    public void Unusable_files_are_refused_with_one_line_naming_the_problem(string csv, string target, string? badValue, string expected)
    {
        var error = Assert.Throws<CreditDataException>(() => TestData.Csv(csv, new DatasetOptions { Target = target, BadValue = badValue }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
