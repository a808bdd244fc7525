using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Benchmarking;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using Spectre.Console;
using static AutoFinance.Cli.Credit.CreditInput;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>autofinance benchmark</c>: the scorecard, the challenger and a plain WoE logistic baseline trained and tested
/// on k stratified splits of one file, side by side as mean ± sd, with how the scorecard used each characteristic.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row.", Required = true };
        var target = new Option<string>("--target") { Description = "The outcome column.", Required = true };
        var bad = new Option<string?>("--bad") { Description = "The target value meaning bad; without it the target must be 0/1 with 1 = bad." };
        var exclude = new Option<string?>("--exclude") { Description = "Columns to leave out, comma-separated." };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to treat as categorical even if numeric, comma-separated." };
        var special = new Option<string?>("--special") { Description = "Sentinel values kept in bins of their own, comma-separated." };
        var seeds = new Option<string?>("--seeds") { Description = "How many stratified splits to average over (default 5)." };
        var firstSeed = new Option<string?>("--first-seed") { Description = "The first split's seed; the others follow (default 1)." };
        var testFraction = new Option<string?>("--test-fraction") { Description = "Held-out share of each split (default 0.3)." };
        var noChallenger = new Option<bool>("--no-challenger") { Description = "Leave the gradient-boosting challenger out." };
        var monotone = new Option<string?>("--monotone") { Description = MonotoneOption.Description };
        var noEbm = new Option<bool>("--no-ebm") { Description = "Leave the explainable boosting machine out." };
        var noTuning = new Option<bool>("--no-tuning") { Description = "Fit the scorecard's default penalty, threshold and classing instead of choosing them by cross-validation." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("benchmark", "Scorecard, challenger, explainable boosting and a plain WoE logistic baseline over k seeds of stratified splits: mean ± sd of AUC, KS, Gini, Brier.")
        {
            data, target, bad, exclude, categorical, special, seeds, firstSeed, testFraction, noChallenger, noEbm, noTuning, monotone, json,
        };
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var defaults = new ModelBenchmarkOptions();
            var (monotoneFromTrends, monotoneColumns) = MonotoneOption.Parse(input, parsed.GetValue(monotone));
            var options = defaults with
            {
                Seeds = input.Integer("seeds", parsed.GetValue(seeds)) ?? defaults.Seeds,
                FirstSeed = input.Integer("first-seed", parsed.GetValue(firstSeed)) ?? defaults.FirstSeed,
                TestFraction = Double(input, "test-fraction", parsed.GetValue(testFraction)) ?? defaults.TestFraction,
                WithChallenger = !parsed.GetValue(noChallenger),
                WithEbm = !parsed.GetValue(noEbm),
                Training = new TrainingOptions
                {
                    Target = new TargetDefinition(parsed.GetValue(target)!, parsed.GetValue(bad)),
                    Tuning = parsed.GetValue(noTuning) ? null : new TuningOptions(),
                    Challenger = new AutoFinance.Credit.Challenger.ChallengerOptions { Monotone = monotoneColumns },
                    ChallengerMonotoneFromTrends = monotoneFromTrends,
                },
            };
            input.AddRange(options.Problems().Select(p => new Domain.Validation.FieldError(p.Split(' ')[0], p[(p.IndexOf(' ', StringComparison.Ordinal) + 1)..])));
            input.ThrowIfAny();
            var loaded = LoadLabelled(
                parsed.GetValue(data)!, options.Training.Target, parsed.GetValue(exclude), parsed.GetValue(categorical), parsed.GetValue(special));
            var report = ModelBenchmark.Run(loaded, options, context.Clock);
            return parsed.GetValue(json) ? context.WriteJson(report) : Write(context, report);
        });
        return command;
    }

    private static int Write(CliContext context, ModelBenchmarkReport report)
    {
        context.Output.WriteLine(
            $"{report.Rows} rows ({report.Bads} bad); {report.Seeds.Count} stratified splits, {F(report.TestFraction, "0%")} held out, seeds {string.Join(",", report.Seeds)}");
        var models = new Table().Title("held-out figures, mean ± sd over the seeds").AddColumns("model", "AUC", "KS", "Gini", "Brier");
        foreach (var model in report.Models)
        {
            models.AddRow(model.Model, Pm(model.Auc), Pm(model.Ks), Pm(model.Gini), Pm(model.Brier));
        }

        context.Console.Write(models);
        var characteristics = new Table().Title("scorecard characteristics").AddColumns("characteristic", "seeds kept", "IV", "bins (first seed kept)");
        foreach (var use in report.Characteristics)
        {
            characteristics.AddRow(
                Markup.Escape(use.Name),
                $"{use.SeedsKept.ToString(CultureInfo.InvariantCulture)}/{report.Seeds.Count.ToString(CultureInfo.InvariantCulture)}",
                Pm(use.Iv),
                Markup.Escape(string.Join(" | ", use.Bins)));
        }

        context.Console.Write(characteristics);
        return 0;
    }

    private static string Pm(MeanAndSpread figure) => $"{F(figure.Mean)} ± {F(figure.StdDev)}";
}
