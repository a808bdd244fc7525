using AutoFinance.Application.Origination;
using AutoFinance.Domain.Documents;

namespace AutoFinance.Infrastructure.Ocr;

/// <summary>
/// Compares what the ID card says with what the application says (name, number, birth date) and answers the check
/// staff see: <c>identity.id-card-match</c> (pass) or <c>identity.id-card-mismatch</c> (refer), naming the fields
/// that differ but never their values. A field the reader could not read is not held against the applicant.
/// </summary>
public static class IdCardCrossCheck
{
    public static CheckRecord Check(int sequence, IdCardFields card, ValidatedApplication application)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(application);
        var differing = new List<string>();
        if (card.Name is { } name && name != application.FullName.Replace(" ", "", StringComparison.Ordinal))
        {
            differing.Add("fullName");
        }

        if (card.NationalId is { } id && !string.Equals(id, application.NationalId, StringComparison.OrdinalIgnoreCase))
        {
            differing.Add("nationalId");
        }

        if (card.BirthDate is { } birth && birth != application.DateOfBirth)
        {
            differing.Add("dateOfBirth");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["fields"] = string.Join(",", differing) };
        return differing.Count == 0
            ? new CheckRecord(sequence, "documents", "identity.id-card-match", "pass", "the ID card agrees with the application", values)
            : new CheckRecord(sequence, "documents", "identity.id-card-mismatch", "refer", $"the ID card differs from the application in {string.Join(", ", differing)}", values);
    }
}
