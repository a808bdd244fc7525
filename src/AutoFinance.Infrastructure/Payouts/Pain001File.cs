using System.Globalization;
using System.Xml.Linq;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// An ISO 20022 customer credit-transfer initiation, <c>pain.001.001.09</c>: one group header (message id, creation
/// time, number of transactions, control sum, initiating party), one payment information block from the lender's
/// account (debtor, its account and agent, requested execution date) and one credit transfer per payout, whose
/// EndToEndId is the payout's reference — the bank carries it to the camt.053 debit line that confirms the payout.
/// </summary>
public static class Pain001File
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public sealed record Debtor(string Name, string AccountNumber, string Bic);

    public sealed record Transfer(string Reference, decimal Amount, string Currency, string PayeeName, string PayeeBank, string AccountNumber, string RemittanceInformation);

    public static string Write(string messageId, DateTimeOffset createdAt, DateOnly executionDate, Debtor debtor, IReadOnlyList<Transfer> transfers)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(transfers);
        XNamespace ns = Namespace;
        var count = transfers.Count.ToString(CultureInfo.InvariantCulture);
        var sum = Amount(transfers.Sum(t => t.Amount));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "Document",
                new XElement(ns + "CstmrCdtTrfInitn",
                    new XElement(ns + "GrpHdr",
                        new XElement(ns + "MsgId", messageId),
                        new XElement(ns + "CreDtTm", createdAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                        new XElement(ns + "NbOfTxs", count),
                        new XElement(ns + "CtrlSum", sum),
                        new XElement(ns + "InitgPty", new XElement(ns + "Nm", debtor.Name))),
                    new XElement(ns + "PmtInf",
                        new XElement(ns + "PmtInfId", messageId + "-1"),
                        new XElement(ns + "PmtMtd", "TRF"),
                        new XElement(ns + "NbOfTxs", count),
                        new XElement(ns + "CtrlSum", sum),
                        new XElement(ns + "ReqdExctnDt", new XElement(ns + "Dt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                        new XElement(ns + "Dbtr", new XElement(ns + "Nm", debtor.Name)),
                        new XElement(ns + "DbtrAcct", new XElement(ns + "Id", new XElement(ns + "Othr", new XElement(ns + "Id", debtor.AccountNumber)))),
                        new XElement(ns + "DbtrAgt", new XElement(ns + "FinInstnId", new XElement(ns + "BICFI", debtor.Bic))),
                        transfers.Select(t => new XElement(ns + "CdtTrfTxInf",
                            new XElement(ns + "PmtId", new XElement(ns + "InstrId", t.Reference), new XElement(ns + "EndToEndId", t.Reference)),
                            new XElement(ns + "Amt", new XElement(ns + "InstdAmt", new XAttribute("Ccy", t.Currency), Amount(t.Amount))),
                            new XElement(ns + "CdtrAgt", new XElement(ns + "FinInstnId", new XElement(ns + "Nm", t.PayeeBank))),
                            new XElement(ns + "Cdtr", new XElement(ns + "Nm", t.PayeeName)),
                            new XElement(ns + "CdtrAcct", new XElement(ns + "Id", new XElement(ns + "Othr", new XElement(ns + "Id", t.AccountNumber)))),
                            new XElement(ns + "RmtInf", new XElement(ns + "Ustrd", t.RemittanceInformation))))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
