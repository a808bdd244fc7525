using System.Xml.Linq;

namespace AutoFinance.Application.Payments.Statements;

/// <summary>
/// The bank's answer to a credit-transfer file: an ISO 20022 <c>pain.002</c> customer payment status report (any
/// version). It names the file it answers (<c>OrgnlMsgId</c>), may give the whole file a status (<c>GrpSts</c>, with its
/// reason under <c>StsRsnInf</c>), and
/// gives transfers theirs by their EndToEndId (<c>TxInfAndSts</c>: <c>OrgnlEndToEndId</c>, <c>TxSts</c>, the reason
/// code <c>StsRsnInf/Rsn/Cd</c> such as AC04 closed account, and its text <c>AddtlInf</c>).
/// </summary>
public static class Pain002Reader
{
    public sealed record TransferStatus(string EndToEndId, string Status, string? ReasonCode, string? Reason);

    /// <param name="GroupReasonCode">The reason the bank gave the file's status (<c>OrgnlGrpInfAndSts/StsRsnInf/Rsn/Cd</c>), such as FF01 invalid file format.</param>
    /// <param name="GroupReason">The text it wrote with it (<c>AddtlInf</c>).</param>
    public sealed record Report(string MessageId, string OriginalMessageId, string? GroupStatus, IReadOnlyList<TransferStatus> Transfers, string? GroupReasonCode = null, string? GroupReason = null)
    {
        /// <summary>The bank refused the whole file, naming no transfer: none of it was carried out.</summary>
        public bool FileRejected => GroupStatus == Rejected && Transfers.Count == 0;
    }

    public const string Rejected = "RJCT";

    public static Report Read(string xml)
    {
        var report = IsoXml.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "CstmrPmtStsRpt")
            ?? throw new StatementFormatException("no CstmrPmtStsRpt element: not a pain.002 payment status report");
        var messageId = IsoXml.Text(IsoXml.Child(report, "GrpHdr"), "MsgId") ?? throw new StatementFormatException("GrpHdr has no MsgId");
        var original = IsoXml.Child(report, "OrgnlGrpInfAndSts") ?? throw new StatementFormatException("no OrgnlGrpInfAndSts: the report names no file");
        var originalId = IsoXml.Text(original, "OrgnlMsgId") ?? throw new StatementFormatException("OrgnlGrpInfAndSts has no OrgnlMsgId");
        var transfers = new List<TransferStatus>();
        foreach (var transfer in report.Descendants().Where(e => e.Name.LocalName == "TxInfAndSts"))
        {
            var endToEnd = IsoXml.Text(transfer, "OrgnlEndToEndId")
                ?? throw new StatementFormatException($"transfer {transfers.Count + 1} has no OrgnlEndToEndId");
            var status = IsoXml.Text(transfer, "TxSts") ?? throw new StatementFormatException($"transfer {endToEnd} has no TxSts");
            var reason = IsoXml.Child(transfer, "StsRsnInf");
            transfers.Add(new TransferStatus(endToEnd, status, IsoXml.Text(IsoXml.Child(reason, "Rsn"), "Cd"), IsoXml.Text(reason, "AddtlInf")));
        }

        var groupReason = IsoXml.Child(original, "StsRsnInf");
        return new Report(messageId, originalId, IsoXml.Text(original, "GrpSts"), transfers, IsoXml.Text(IsoXml.Child(groupReason, "Rsn"), "Cd"), IsoXml.Text(groupReason, "AddtlInf"));
    }
}
