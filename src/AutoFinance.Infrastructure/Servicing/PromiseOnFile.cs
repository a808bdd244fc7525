using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A promise to pay as a collector recorded it on a contact, for the domain's evaluation.</summary>
public static class PromiseOnFile
{
    /// <summary>The contact's promise, made on its business date in <paramref name="zone"/> (the lender's), at the moment of the contact; null when it holds none.</summary>
    public static PromiseToPay? Of(CollectionContactRow contact, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(zone);
        return contact is { PromisedAmount: { } amount, PromisedDate: { } payBy }
            ? new PromiseToPay(contact.LoanId.ToString(), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(contact.ContactedAt, zone).DateTime), payBy, amount, MadeAt: contact.ContactedAt)
            : null;
    }
}
