using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The screening an in-process decision benchmark stands in for the bureau and the operator with: every applicant's
/// identity agrees, and each national ID has a report drawn once, before the timed run, with the population shares
/// of <see cref="SyntheticCreditReports"/> (the generator the default model was trained on). So the model reads a
/// real report's features, as a cached report gives them in production, and only the decision is timed.
/// </summary>
public sealed class BenchScreening : IApplicantScreening
{
    private static readonly IdentityCheckResult Consistent = new(IdentityMatch.Consistent, true, true);
    private readonly Dictionary<string, BureauFindings> _reports = new(StringComparer.Ordinal);

    public BenchScreening(IEnumerable<ApplicationRequest> requests, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            if (request.Applicant?.NationalId is not { } id || _reports.ContainsKey(id))
            {
                continue;
            }

            var random = new Random(StableSeed(id));
            var report = SyntheticCreditReports.Generate(random, SyntheticCreditReports.DrawProfile(random), ReportTraits.Typical, $"BENCH{_reports.Count}", request.Applicant.FullName ?? string.Empty, id, today);
            _reports[id] = report is null ? BureauFindings.NoHit : BureauFindings.Hit(report, today);
        }
    }

    public Task<ScreeningFindings> ScreenAsync(ValidatedApplication application, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Task.FromResult(new ScreeningFindings(Consistent, _reports.GetValueOrDefault(application.NationalId) ?? BureauFindings.NoHit, null));
    }

    /// <summary>A seed that is the same in every process (string hash codes are randomised per process).</summary>
    private static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
