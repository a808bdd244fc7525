using System.Diagnostics;
using System.Globalization;
using AutoFinance.Domain.Documents;
using AutoFinance.Infrastructure.Ocr;
using Xunit.Abstractions;

namespace AutoFinance.Web.Tests.Ocr;

/// <summary>
/// The ID-card reader on 200 synthetic card photos (varied fonts, noise, blur, rotation up to 5°): the share of
/// fields read exactly (name, number, address, birth date, validity) is printed and must be at least 95 %; last
/// measured 98.4 % (name, number and birth date 100 %, validity 99 %, address 93 %: an address whose last character
/// wraps onto a row of its own is where the reader still errs). The run takes minutes of processor time, so it runs on
/// request: set AUTOFINANCE_OCR_ACCURACY=1.
/// </summary>
public sealed class IdCardOcrAccuracyTests(ITestOutputHelper output)
{
    private const int Cards = 200;

    [SkippableFact]
    public void The_reader_gets_at_least_95_percent_of_the_fields_of_200_synthetic_cards_exactly_right()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("AUTOFINANCE_OCR_ACCURACY") == "1", "the 200-card accuracy run is on request: set AUTOFINANCE_OCR_ACCURACY=1");
        Skip.If(OcrModels.Path is null, "OCR models absent: run scripts/fetch-ocr-models.sh");
        Skip.IfNot(SyntheticIdCards.FontsInstalled, "the Chinese fonts test.sh installs are absent");
        using var reader = new IdCardReader(OcrModels.Path!);
        var fields = new[] { "name", "nationalId", "address", "birthDate", "validity" };
        var right = fields.ToDictionary(f => f, _ => 0);
        var watch = Stopwatch.StartNew();
        for (var seed = 1; seed <= Cards; seed++)
        {
            var card = SyntheticIdCards.Render(seed);
            var read = reader.Read(card.Jpeg)!;
            var truth = card.Truth;
            Count("name", read.Name == truth.Name);
            Count("nationalId", read.NationalId == truth.NationalId);
            Count("address", read.Address == truth.Address);
            Count("birthDate", read.BirthDate == truth.BirthDate);
            Count("validity", read.Validity == truth.Validity);
            if (read != truth)
            {
                output.WriteLine($"card {seed}: read {read} expected {truth}");
            }
        }

        var total = right.Values.Sum() / (double)(Cards * fields.Length);
        var summary = string.Create(CultureInfo.InvariantCulture, $"ID-card OCR: {total:P2} of {Cards * fields.Length} fields exact ({string.Join(", ", fields.Select(f => $"{f} {right[f] / (double)Cards:P1}"))}) in {watch.Elapsed.TotalSeconds:F0} s");
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(total >= 0.95, summary);

        void Count(string field, bool ok)
        {
            if (ok)
            {
                right[field]++;
            }
        }
    }

    [SkippableFact]
    public void A_card_photo_yields_its_fields_and_the_birth_date_matches_the_number()
    {
        Skip.If(OcrModels.Path is null, "OCR models absent: run scripts/fetch-ocr-models.sh");
        Skip.IfNot(SyntheticIdCards.FontsInstalled, "the Chinese fonts test.sh installs are absent");
        using var reader = new IdCardReader(OcrModels.Path!);
        var card = SyntheticIdCards.Render(4242);

        var read = reader.Read(card.Jpeg)!;

        Assert.Equal(card.Truth.NationalId, read.NationalId);
        Assert.Equal(card.Truth.Name, read.Name);
        Assert.Equal(Domain.Origination.ResidentId.BirthDate(read.NationalId!), read.BirthDate);
    }
}
