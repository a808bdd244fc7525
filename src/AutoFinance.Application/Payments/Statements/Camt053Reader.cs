using System.Globalization;
using System.Xml.Linq;

namespace AutoFinance.Application.Payments.Statements;

/// <summary>
/// Reads an ISO 20022 <c>camt.053</c> bank-to-customer statement (any version: elements are read by local name).
/// Each booked <c>Ntry</c> gives its reference (<c>NtryRef</c>, else <c>AcctSvcrRef</c>), amount and currency
/// (<c>Amt/@Ccy</c>), direction (<c>CdtDbtInd</c> CRDT/DBIT), booking date, the debtor's name, and the references
/// that may name a loan: the creditor account id (a loan's virtual account), the creditor reference and the
/// unstructured remittance text. A credit returning a transfer the lender made carries <c>RtrInf</c>: its reason
/// (<c>Rsn/Cd</c>, <c>AddtlInf</c>) is read, and its references include the original <c>EndToEndId</c>. Entries not
/// booked (<c>Sts</c> PDNG, INFO) are left out.
/// </summary>
public static class Camt053Reader
{
    private static XElement? Child(XElement? parent, string name) => IsoXml.Child(parent, name);

    private static string? Text(XElement? parent, string name) => IsoXml.Text(parent, name);

    public static BankStatement Read(string xml)
    {
        var document = IsoXml.Parse(xml);
        var statement = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Stmt")
            ?? throw new StatementFormatException("no Stmt element: not a camt.053 statement");
        var entries = new List<StatementEntry>();
        var index = 0;
        foreach (var entry in statement.Elements().Where(e => e.Name.LocalName == "Ntry"))
        {
            index++;
            var status = Text(Child(entry, "Sts"), "Cd") ?? Child(entry, "Sts")?.Value.Trim();
            if (status is "PDNG" or "INFO")
            {
                continue;
            }

            var reference = Text(entry, "NtryRef") ?? Text(entry, "AcctSvcrRef")
                ?? throw new StatementFormatException($"entry {index} has neither NtryRef nor AcctSvcrRef");
            var amountElement = Child(entry, "Amt") ?? throw new StatementFormatException($"entry {reference} has no Amt");
            if (!decimal.TryParse(amountElement.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            {
                throw new StatementFormatException($"entry {reference}: Amt '{amountElement.Value}' is not a positive amount");
            }

            if (!StatementAmounts.IsWholeCents(amount))
            {
                throw new StatementFormatException($"entry {reference}: Amt '{amountElement.Value}' has more than two decimal places");
            }

            var currency = amountElement.Attribute("Ccy")?.Value ?? throw new StatementFormatException($"entry {reference}: Amt has no Ccy");
            var direction = Text(entry, "CdtDbtInd");
            if (direction is not ("CRDT" or "DBIT"))
            {
                throw new StatementFormatException($"entry {reference}: CdtDbtInd must be CRDT or DBIT");
            }

            var dateText = Text(Child(entry, "BookgDt"), "Dt") ?? Text(Child(entry, "BookgDt"), "DtTm")?[..10];
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var booked))
            {
                throw new StatementFormatException($"entry {reference}: BookgDt/Dt is not a date");
            }

            var details = entry.Descendants().Where(e => e.Name.LocalName == "TxDtls").ToList();
            var debtor = details.SelectMany(d => d.Descendants()).FirstOrDefault(e => e.Name.LocalName == "Dbtr");
            var name = debtor?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Nm")?.Value.Trim();
            var references = details.SelectMany(d => d.Descendants())
                .Where(e => e.Name.LocalName is "Ustrd" or "Ref" or "EndToEndId"
                    || (e.Name.LocalName is "Id" or "IBAN" && e.Ancestors().Any(a => a.Name.LocalName == "CdtrAcct") && !e.HasElements))
                .Select(e => e.Value.Trim())
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var returned = details.SelectMany(d => d.Descendants()).FirstOrDefault(e => e.Name.LocalName == "RtrInf");
            entries.Add(new StatementEntry(reference, booked, amount, currency, direction == "CRDT", name, references)
            {
                Return = returned is null ? null : new StatementReturn(Text(Child(returned, "Rsn"), "Cd"), Text(returned, "AddtlInf")),
            });
        }

        return new BankStatement("camt053", Text(statement, "Id"), entries);
    }
}
