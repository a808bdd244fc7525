using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Origination;
using AutoFinance.Web.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// Disbursement as money moves: the funding checklist, the dealer's verified settlement account (changed under four
/// eyes), the payout through the provider or a pain.001 file, and the loan booked only when the payout is confirmed
/// by the provider's signed callback or the bank statement's debit line.
/// </summary>
public abstract partial class PayoutScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_loan_is_booked_only_after_its_payout_is_confirmed()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var contractId = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, contractId);

        using var instructed = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        var answer = JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, instructed.StatusCode);
        Assert.Equal("payout-pending", answer.GetProperty("status").GetString());
        var payout = answer.GetProperty("payout");
        Assert.Equal("pending", payout.GetProperty("status").GetString());
        Assert.Equal("**** 5678", payout.GetProperty("accountNumberMasked").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("loanId").ValueKind);
        Assert.Equal(0, await LoansOfAsync(contractId));
        Assert.Equal(0, await DisbursedNoticesAsync(contractId));

        var reference = payout.GetProperty("reference").GetString()!;
        var amount = payout.GetProperty("amount").GetDecimal();
        using var agent = await platform.SignedIn("agent");
        await Funding.ImportAsync(agent, Funding.DebitStatement(reference, amount, $"PO-{Guid.NewGuid():N}"[..20]));

        var file = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("booked", file.GetProperty("status").GetString());
        var loanId = file.GetProperty("loanId").GetString();
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(["DealerPayout", "Disbursement"], loan.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).Order().ToArray());
        Assert.Equal(amount, loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("balances").TryGetProperty("DealerPayable", out var payable) ? payable.GetDecimal() : 0m);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(1, await DisbursedNoticesAsync(contractId));
    }

    [SkippableFact]
    public async Task A_disburse_with_an_unmet_checklist_item_is_refused_naming_each_item()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var contractId = await SignedContractAsync(platform.Dealer(), usedCar: true);

        using var bare = await Funding.DisburseAsync(underwriter, contractId);
        var refused = await ProblemAsync(bare, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("funding.checklist-incomplete", refused.GetProperty("code").GetString());
        Assert.Equal(["funding.documents", "funding.insurance", "funding.mortgage-registration", "funding.gps"],
            refused.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());

        // Everything but the used car's GPS tracker: the refusal names that one item and its field.
        await Funding.AcceptDocumentsAsync(underwriter, contractId);
        await Funding.RecordFactsAsync(underwriter, contractId, gpsDeviceId: null);
        using var noGps = await Funding.DisburseAsync(underwriter, contractId);
        var problem = Assert.Single((await ProblemAsync(noGps, HttpStatusCode.UnprocessableEntity)).GetProperty("problems").EnumerateArray());
        Assert.Equal("funding.gps", problem.GetProperty("field").GetString());
        Assert.Equal("gpsDeviceId", problem.GetProperty("parameters").GetProperty("missing").GetString());
        Assert.Equal(0, await LoansOfAsync(contractId));
        var file = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("signed", file.GetProperty("status").GetString());
        Assert.Empty(file.GetProperty("payouts").EnumerateArray());

        await Funding.RecordFactsAsync(underwriter, contractId);
        Assert.NotEqual(Guid.Empty, await BookByProviderAsync(underwriter, contractId));
    }

    [SkippableFact]
    public async Task A_failed_payout_leaves_no_loan_and_the_contract_can_be_paid_out_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        var dealerId = await DealerIdAsync(DemoData.SecondDealerKey);
        // The provider's sandbox refuses payouts to an account ending 0009 (account closed).
        await ChangeAccountAsync(manager, admin, dealerId, "6214830100220000009");
        var contractId = await SignedContractAsync(platform.Dealer(DemoData.SecondDealerKey));
        await Funding.CompleteChecklistAsync(underwriter, contractId);

        using var first = await Funding.DisburseAsync(underwriter, contractId);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var failed = await Funding.SettledAsync(underwriter, contractId);
        Assert.Equal("signed", failed.GetProperty("status").GetString());
        var payout = Assert.Single(failed.GetProperty("payouts").EnumerateArray());
        Assert.Equal("failed", payout.GetProperty("status").GetString());
        Assert.Equal("account-closed", payout.GetProperty("failureReason").GetString());
        Assert.Equal(0, await LoansOfAsync(contractId));

        await ChangeAccountAsync(manager, admin, dealerId, "6214830100223456781");
        using var again = await Funding.DisburseAsync(underwriter, contractId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var booked = await Funding.SettledAsync(underwriter, contractId);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        Assert.Equal(["confirmed", "failed"], booked.GetProperty("payouts").EnumerateArray().Select(p => p.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(1, await LoansOfAsync(contractId));
    }

    [SkippableFact]
    public async Task A_payout_the_provider_took_without_answering_is_booked_once_and_never_paid_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox takes payouts to an account ending 0504 and answers 504, as a gateway that lost the answer.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000504");
        Assert.NotEqual("signed", answer.GetProperty("status").GetString());
        Assert.NotEqual("failed", answer.GetProperty("payout").GetProperty("status").GetString());

        // Sending the instruction again while the callback is on its way answers the payout the provider holds.
        Assert.Equal("succeeded", (await ResendPayoutsAsync(admin)).GetProperty("outcome").GetString());
        var booked = await Funding.SettledAsync(underwriter, contractId);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        var payout = Assert.Single(booked.GetProperty("payouts").EnumerateArray());
        Assert.Equal("confirmed", payout.GetProperty("status").GetString());
        Assert.Equal(1, await LoansOfAsync(contractId));

        // A disburse asked again answers the loan booked; the provider paid the dealer once.
        using var again = await Funding.DisburseAsync(underwriter, contractId);
        Assert.Equal("booked", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single((await Funding.FileAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray());
        Assert.Equal(1, await PayoutEventsAsync(payout.GetProperty("reference").GetString()!));
    }

    [SkippableFact]
    public async Task A_payout_whose_request_was_lost_waits_pending_and_is_paid_once_when_sent_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox answers the first request for a payout to an account ending 0503 with 503, without taking it.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000503");
        Assert.Equal("payout-pending", answer.GetProperty("status").GetString());
        Assert.Equal("pending", answer.GetProperty("payout").GetProperty("status").GetString());
        Assert.True(answer.GetProperty("payout").GetProperty("unanswered").GetBoolean());

        // Not knowing whether the provider has it, the platform neither fails it nor lets the contract be paid out again.
        using var twice = await Funding.DisburseAsync(underwriter, contractId);
        Assert.Equal("contract.payout-pending", (await ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await Task.Delay(300);
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());
        Assert.Equal(0, await LoansOfAsync(contractId));

        var run = await ResendPayoutsAsync(admin);
        Assert.True(run.GetProperty("outcome").GetString() == "succeeded", run.ToString());
        var booked = await Funding.SettledAsync(underwriter, contractId);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        var payout = Assert.Single(booked.GetProperty("payouts").EnumerateArray());
        Assert.Equal("confirmed", payout.GetProperty("status").GetString());
        Assert.False(payout.GetProperty("unanswered").GetBoolean());
        Assert.Equal(1, await LoansOfAsync(contractId));
        Assert.Equal(1, await PayoutEventsAsync(payout.GetProperty("reference").GetString()!));
    }

    [SkippableFact]
    public async Task A_payout_callback_delivered_twice_books_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var contractId = await SignedContractAsync(platform.Dealer());
        var loanId = await BookByProviderAsync(underwriter, contractId);
        var entries = await _world.JournalEntriesOnAsync(loanId);
        var reference = (await Funding.FileAsync(underwriter, contractId)).GetProperty("payouts")[0].GetProperty("reference").GetString()!;

        using var sandbox = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var events = await sandbox.GetFromJsonAsync<JsonElement>($"/payments/v1/sandbox/events?merchantReference={reference}");
        var succeeded = events.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "payout.succeeded");
        using var resent = await sandbox.PostAsync($"/payments/v1/sandbox/events/{succeeded.GetProperty("eventId").GetString()}/resend", null);
        Assert.True((await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetBoolean());

        Assert.Equal(1, await LoansOfAsync(contractId));
        Assert.Equal(entries, await _world.JournalEntriesOnAsync(loanId));
        Assert.Equal(1, await DisbursedNoticesAsync(contractId));
    }

    [SkippableFact]
    public async Task A_pain001_file_carries_the_payout_and_the_statement_debit_with_its_end_to_end_id_confirms_it()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var contractId = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, contractId);
        using var instructed = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        var payout = JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()).RootElement.GetProperty("payout");
        var reference = payout.GetProperty("reference").GetString()!;
        var amount = payout.GetProperty("amount").GetDecimal();

        var (location, text) = await Funding.WriteBankFileAsync(underwriter);
        var xml = XDocument.Parse(text);
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
        Assert.Equal(ns + "Document", xml.Root!.Name);
        var header = xml.Root.Element(ns + "CstmrCdtTrfInitn")!.Element(ns + "GrpHdr")!;
        var messageId = header.Element(ns + "MsgId")!.Value;
        Assert.Matches("^AF[0-9]{17}$", messageId);
        var transfers = xml.Descendants(ns + "CdtTrfTxInf").ToList();
        Assert.Equal(transfers.Count.ToString(CultureInfo.InvariantCulture), header.Element(ns + "NbOfTxs")!.Value);
        Assert.Equal(transfers.Sum(t => decimal.Parse(t.Element(ns + "Amt")!.Element(ns + "InstdAmt")!.Value, CultureInfo.InvariantCulture)),
            decimal.Parse(header.Element(ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture));
        var ours = transfers.Single(t => t.Element(ns + "PmtId")!.Element(ns + "EndToEndId")!.Value == reference);
        var instructedAmount = ours.Element(ns + "Amt")!.Element(ns + "InstdAmt")!;
        Assert.Equal(amount.ToString("0.00", CultureInfo.InvariantCulture), instructedAmount.Value);
        Assert.Equal("CNY", instructedAmount.Attribute("Ccy")!.Value);
        Assert.Equal(DemoFunding.Accounts[0].Account, ours.Element(ns + "CdtrAcct")!.Descendants(ns + "Id").Last().Value);
        Assert.Equal(DemoFunding.Accounts[0].Payee, ours.Element(ns + "Cdtr")!.Element(ns + "Nm")!.Value);
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());
        Assert.Equal(messageId, await FileMessageOfAsync(reference));

        // Asked for another file, the bank is never handed this payout twice; the file written is given again as it was.
        using (var next = await underwriter.PostAsync("/api/v1/payouts/files", null))
        {
            if (next.StatusCode == HttpStatusCode.Created)
            {
                Assert.DoesNotContain(reference, await underwriter.GetStringAsync(next.Headers.Location), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, next.StatusCode);
                Assert.Equal("payout-file.nothing-waiting", (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }
        }

        Assert.Equal(text, await underwriter.GetStringAsync(location));
        var listed = (await underwriter.GetFromJsonAsync<JsonElement>("/api/v1/payouts/files")).EnumerateArray().Single(f => f.GetProperty("messageId").GetString() == messageId);
        Assert.Equal(transfers.Count, listed.GetProperty("transfers").GetInt32());
        Assert.Equal(0, listed.GetProperty("confirmed").GetInt32());

        using var agent = await platform.SignedIn("agent");
        var statement = Funding.DebitStatement(reference, amount, $"D{Guid.NewGuid():N}"[..20]);
        var imported = await Funding.ImportAsync(agent, statement);
        var line = Assert.Single(imported.GetProperty("lines").EnumerateArray());
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal("payout", line.GetProperty("matchedBy").GetString());
        var file = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("booked", file.GetProperty("status").GetString());
        Assert.Equal(line.GetProperty("loanId").GetString(), file.GetProperty("loanId").GetString());

        var again = await Funding.ImportAsync(agent, statement);
        Assert.Equal(1, again.GetProperty("alreadySeen").GetInt32());
        Assert.Equal(1, await LoansOfAsync(contractId));
    }

    [SkippableFact]
    public async Task A_transfer_the_bank_rejects_fails_its_payout_with_the_reason_and_the_contract_can_be_paid_out_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var (contractId, reference, file) = await InBankFileAsync(underwriter);

        var report = Funding.StatusReport(file, reference);
        var imported = await Funding.ImportStatusReportAsync(underwriter, report);
        Assert.Equal(1, imported.GetProperty("rejected").GetInt32());
        var funding = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("signed", funding.GetProperty("status").GetString());
        var payouts = await underwriter.GetFromJsonAsync<JsonElement>("/api/v1/payouts?status=failed");
        var failed = payouts.EnumerateArray().Single(p => p.GetProperty("reference").GetString() == reference);
        Assert.Contains("AC04", failed.GetProperty("failureReason").GetString()!, StringComparison.Ordinal);

        // The same report again changes nothing; the contract is paid out again under a new reference.
        var again = await Funding.ImportStatusReportAsync(underwriter, report);
        Assert.Equal(0, again.GetProperty("rejected").GetInt32());
        Assert.Equal(1, again.GetProperty("alreadySettled").GetInt32());
        using var second = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(reference, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("payout").GetProperty("reference").GetString());
        Assert.Equal(0, await LoansOfAsync(contractId));
    }

    [SkippableFact]
    public async Task A_report_rejecting_several_transfers_fails_them_all_and_is_audited_in_one_write()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var references = new List<(string Contract, string Reference)>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var contractId = await SignedContractAsync(platform.Dealer());
            await Funding.CompleteChecklistAsync(underwriter, contractId);
            using var instructed = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
            references.Add((contractId, JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()).RootElement.GetProperty("payout").GetProperty("reference").GetString()!));
        }

        await Funding.WriteBankFileAsync(underwriter);
        var file = (await FileMessageOfAsync(references[0].Reference))!;
        Assert.Equal(file, await FileMessageOfAsync(references[1].Reference));
        var transfers = string.Concat(references.Select(r =>
            $"<TxInfAndSts><OrgnlEndToEndId>{r.Reference}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC01</Cd></Rsn></StsRsnInf></TxInfAndSts>"));
        var report = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>PSR-{Guid.NewGuid():N}</MsgId><CreDtTm>2026-12-03T09:00:00+08:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>{file}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>{file}-1</OrgnlPmtInfId>{transfers}</OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """;

        var imported = await Funding.ImportStatusReportAsync(underwriter, report);

        Assert.Equal(2, imported.GetProperty("rejected").GetInt32());
        foreach (var (contractId, _) in references)
        {
            Assert.Equal("signed", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());
        }

        await using var db = Db();
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Action == "payout.failed" && references.Select(r => r.Contract).Contains(e.EntityId)) || (e.Action == "payout.status-report" && e.EntityId == file))
            .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.At, e.Action }).ToListAsync();
        Assert.Equal(["payout.failed", "payout.failed", "payout.status-report"], audited.Select(e => e.Action));
        Assert.Single(audited.Select(e => e.At).Distinct());
        Assert.Equal(audited[0].Sequence + 2, audited[2].Sequence);
    }

    [SkippableFact]
    public async Task A_bank_file_rejected_whole_leaves_its_payouts_for_the_next_file_and_stays_listed_with_the_banks_reason()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var (contractId, reference, file) = await InBankFileAsync(underwriter);
        var written = (await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts/files"))!.Single(f => f.GetProperty("messageId").GetString() == file);

        var report = Funding.StatusReport(file, null, "AC04", ("FF01", "schema validation failed"));
        var released = (await Funding.ImportStatusReportAsync(underwriter, report)).GetProperty("released").GetInt32();
        Assert.True(released >= 1);
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());
        var (_, next) = await Funding.WriteBankFileAsync(underwriter);
        Assert.Contains($"<EndToEndId>{reference}</EndToEndId>", next, StringComparison.Ordinal);
        Assert.NotEqual(file, await FileMessageOfAsync(reference));

        // The rejected file is still listed, as it was written, with the bank's reason and the payouts that moved on.
        var rejected = (await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts/files"))!.Single(f => f.GetProperty("messageId").GetString() == file);
        Assert.Equal(written.GetProperty("transfers").GetInt32(), rejected.GetProperty("transfers").GetInt32());
        Assert.Equal(written.GetProperty("total").GetDecimal(), rejected.GetProperty("total").GetDecimal());
        Assert.Equal("FF01", rejected.GetProperty("rejected").GetProperty("reasonCode").GetString());
        Assert.Equal("schema validation failed", rejected.GetProperty("rejected").GetProperty("reason").GetString());
        Assert.Equal(released, rejected.GetProperty("rejected").GetProperty("released").GetInt32());
        var page = await underwriter.GetStringAsync("/payouts");
        var row = Regex.Match(page, $"<tr data-testid=\"payout-file\" data-message=\"{file}\" data-status=\"rejected\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("银行整体退回", row, StringComparison.Ordinal);
        Assert.Contains(">FF01</span> 文件格式无效", row, StringComparison.Ordinal);
        Assert.Contains("schema validation failed", row, StringComparison.Ordinal);
        Assert.DoesNotContain("download", row, StringComparison.Ordinal);

        // Imported again, the report changes nothing more; a text that is no report names the field.
        var again = await Funding.ImportStatusReportAsync(underwriter, report);
        Assert.Equal(0, again.GetProperty("released").GetInt32());
        Assert.NotEqual(file, await FileMessageOfAsync(reference));
        // A report on its transfers, after the whole file was refused, touches none of them: they are in the next file now.
        var late = await Funding.ImportStatusReportAsync(underwriter, Funding.StatusReport(file, reference), HttpStatusCode.BadRequest);
        Assert.Contains("rejected bank file", late.GetProperty("errors").GetProperty("report")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());
        var garbage = await Funding.ImportStatusReportAsync(underwriter, "<Document><Nothing/></Document>", HttpStatusCode.BadRequest);
        Assert.True(garbage.GetProperty("errors").TryGetProperty("report", out _));
        var unknown = await Funding.ImportStatusReportAsync(underwriter, Funding.StatusReport("AF20261201000000000", null), HttpStatusCode.BadRequest);
        Assert.Contains("never written", unknown.GetProperty("errors").GetProperty("report")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_settlement_account_change_waits_for_a_second_person()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        var dealerId = await DealerIdAsync(DemoData.DealerKey);
        var before = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/dealers/{dealerId}/settlement-account");
        Assert.Equal("**** 5678", before.GetProperty("current").GetProperty("accountNumberMasked").GetString());

        using var bad = await manager.PutAsJsonAsync($"/api/v1/dealers/{dealerId}/settlement-account", new { payeeName = "", bank = "B", accountNumber = "12ab", reason = "new bank letter" });
        var problems = await ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["accountNumber", "bank", "payeeName"], problems.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray());

        using var asked = await manager.PutAsJsonAsync($"/api/v1/dealers/{dealerId}/settlement-account", new { payeeName = "北京汽车商城有限公司", bank = "中国建设银行北京分行", accountNumber = "6217000010000004321", reason = "the dealer moved its account; bank letter on file" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();

        var waiting = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/dealers/{dealerId}/settlement-account");
        Assert.Equal("**** 5678", waiting.GetProperty("current").GetProperty("accountNumberMasked").GetString());
        Assert.Contains("**** 4321", waiting.GetProperty("pendingChange").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("6217000010000004321", waiting.ToString(), StringComparison.Ordinal);

        using var own = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approval.four-eyes", (await ProblemAsync(own, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        using var approved = await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var after = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/dealers/{dealerId}/settlement-account");
        Assert.Equal("**** 4321", after.GetProperty("current").GetProperty("accountNumberMasked").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pendingChange").ValueKind);
        await using var db = Db();
        Assert.DoesNotContain("6217000010000004321", string.Join(" ", await db.Set<Infrastructure.Payouts.SettlementAccountRow>().AsNoTracking().Select(a => a.AccountNumberCipher).ToListAsync()), StringComparison.Ordinal);

        // Put the demo account back, under the same rule.
        await ChangeAccountAsync(manager, admin, dealerId, DemoFunding.Accounts[0].Account, demoDealer: 0);
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    private async Task<Guid> BookByProviderAsync(HttpClient underwriter, string contractId) => await Funding.BookAsync(underwriter, contractId);

    private Task<string> SignedContractAsync(HttpClient dealer, bool usedCar = false) => PayoutJourneys.SignedContractAsync(platform, dealer, usedCar);

    private static Task ChangeAccountAsync(HttpClient requester, HttpClient approver, Guid dealerId, string accountNumber, int demoDealer = 1) =>
        PayoutJourneys.ChangeAccountAsync(requester, approver, dealerId, accountNumber, demoDealer);

    private Task<Guid> DealerIdAsync(string key) => PayoutJourneys.DealerIdAsync(platform, key);

    private Task<(string ContractId, JsonElement Answer)> DisburseToSecondDealerAsync(HttpClient manager, HttpClient admin, HttpClient underwriter, string accountNumber) =>
        PayoutJourneys.DisburseToSecondDealerAsync(platform, manager, admin, underwriter, accountNumber);

    /// <summary>Runs the job that sends unanswered payouts again, as an admin on the jobs page does: the run.</summary>
    private static async Task<JsonElement> ResendPayoutsAsync(HttpClient admin)
    {
        using var ran = await admin.PostAsync($"/api/v1/jobs/{Web.Hosting.Scheduling.PlatformJobs.PayoutResend}/run", null);
        return await ran.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>How many payouts the provider reported under a reference (each payout it takes reports once).</summary>
    private static async Task<int> PayoutEventsAsync(string reference)
    {
        using var sandbox = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var events = await sandbox.GetFromJsonAsync<JsonElement>($"/payments/v1/sandbox/events?merchantReference={reference}");
        return events.EnumerateArray().Count(e => e.GetProperty("type").GetString() is "payout.succeeded" or "payout.failed");
    }

    private async Task<int> LoansOfAsync(string contractId)
    {
        await using var db = Db();
        return await db.Loans.CountAsync(l => l.ContractId == Guid.Parse(contractId));
    }

    /// <summary>A contract paid out through the bank file, and the file written: the contract, the payout's reference and the file's message id.</summary>
    private async Task<(string ContractId, string Reference, string File)> InBankFileAsync(HttpClient underwriter)
    {
        var contractId = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, contractId);
        using var instructed = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        var reference = JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()).RootElement.GetProperty("payout").GetProperty("reference").GetString()!;
        await Funding.WriteBankFileAsync(underwriter);
        return (contractId, reference, (await FileMessageOfAsync(reference))!);
    }

    private async Task<string?> FileMessageOfAsync(string reference)
    {
        await using var db = Db();
        return await db.Set<Infrastructure.Payouts.PayoutRow>().Where(p => p.Reference == reference).Select(p => p.FileMessageId).SingleAsync();
    }

    /// <summary>The "loan paid out" notices written for the contract's loan (none before it is booked).</summary>
    private async Task<int> DisbursedNoticesAsync(string contractId)
    {
        await using var db = Db();
        var loanId = await db.Loans.AsNoTracking().Where(l => l.ContractId == Guid.Parse(contractId)).Select(l => (Guid?)l.Id).SingleOrDefaultAsync();
        if (loanId is null)
        {
            return 0;
        }

        return await db.Outbox.AsNoTracking().Where(o => o.LoanId == loanId && o.Template == "loan.disbursed" && o.Channel == "in-app").CountAsync();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class PayoutsOnSqlite(SqlitePlatform platform) : PayoutScenarios<SqlitePlatform>(platform);

public sealed class PayoutsOnPostgres(PostgresPlatform platform) : PayoutScenarios<PostgresPlatform>(platform);
