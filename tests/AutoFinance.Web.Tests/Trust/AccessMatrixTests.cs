using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// Every operation of the OpenAPI document, as every role, on real objects: the expected answer of each role is
/// written in one matrix below, so an endpoint added without an entry fails <see cref="Every_operation_answers_every_role_as_the_matrix_says"/>.
/// Whatever the role, no answer is ever a 5xx; customer B never sees customer A's application, loan, customer
/// record, case or survey, dealer 2 never sees dealer 1's applications (not even their ids in a list).
/// </summary>
public abstract class AccessMatrix<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    // Roles, in this order: anonymous, customer A, customer B, dealer 1, dealer 2, underwriter, risk analyst, collector,
    // service agent, manager, admin. U 401 sign in first · F 403 role may not · H 404 not visible to you ·
    // O 2xx · A authorised (not 401/403/404; the answer may be a domain 400/409).
    private static readonly Dictionary<string, Case[]> Matrix = new()
    {
        ["POST /api/v1/auth/token"] = [new(Target.None, "A A A A A A A A A A A")],
        ["POST /api/v1/me/mobile/code"] = [new(Target.None, "U A A F F F F F F F F")],
        ["PUT /api/v1/me/mobile"] = [new(Target.None, "U A A F F F F F F F F")],
        ["POST /api/v1/customers/{id}/master-data"] = [new(Target.CustomerA, "U F F F F F F F A A A")],
        ["POST /api/v1/auth/register/code"] = [new(Target.None, "A A A A A A A A A A A")],
        ["POST /api/v1/auth/register"] = [new(Target.None, "A A A A A A A A A A A")],
        ["POST /api/v1/auth/logout"] = [new(Target.None, "U A A A A A A A A A A")],
        // An empty body: every signed-in caller is told what is missing (a dealer's key, that it has no password).
        ["POST /api/v1/auth/password"] = [new(Target.None, "U A A A A A A A A A A")],

        ["POST /api/v1/applications"] = [new(Target.None, "U A A A A A F F F F A")],
        ["GET /api/v1/applications"] = [new(Target.None, "U O O O O O O O O O O")],
        ["GET /api/v1/applications/{id}"] = [new(Target.ApplicationA, "U O H H H O O O O O O"), new(Target.ApplicationD1, "U H H O H O O O O O O")],
        ["GET /api/v1/applications/{id}/offers/{offerId}/disclosure"] = [new(Target.ApplicationA, "U O H H H O O O O O O"), new(Target.ApplicationD1, "U H H O H O O O O O O")],
        ["GET /api/v1/applications/draft"] = [new(Target.None, "U O O F F F F F F F F")],
        ["PUT /api/v1/applications/draft"] = [new(Target.None, "U A A F F F F F F F F")],
        ["DELETE /api/v1/applications/draft"] = [new(Target.None, "U O O F F F F F F F F")],
        ["GET /api/v1/applications/{id}/credit-report"] = [new(Target.ApplicationA, "U F F F F O F F F O O")],
        ["POST /api/v1/applications/{id}/bureau-override"] = [new(Target.ApplicationA, "U F F F F A A F F F A")],
        ["POST /api/v1/applications/{id}/offers/{offerId}/accept"] = [new(Target.ApplicationA, "U A H H H F F F F F F"), new(Target.ApplicationD1, "U H H A H F F F F F F")],
        ["POST /api/v1/applications/{id}/offers/{offerId}/signing-code"] = [new(Target.ApplicationA, "U A H H H F F F F F F"), new(Target.ApplicationD1, "U H H A H F F F F F F")],

        ["GET /api/v1/referrals"] = [new(Target.None, "U F F F F O F F F F O")],
        ["POST /api/v1/referrals/{id}/claim"] = [new(Target.Referral, "U F F F F A F F F F A")],
        ["POST /api/v1/referrals/{id}/decision"] = [new(Target.Referral, "U F F F F A F F F F A")],
        ["POST /api/v1/contracts/{id}/disburse"] = [new(Target.ContractB, "U F F F F A F F F F A")],
        ["GET /api/v1/contracts/{id}/document"] = [new(Target.ContractB, "U H O H H O O O O O O")],
        // Customer B's contract has no dealer behind it: dealers may read and record funding, but not this one's.
        ["GET /api/v1/contracts/{id}/funding"] = [new(Target.ContractB, "U F F H H O F F F O O")],
        ["PUT /api/v1/contracts/{id}/funding"] = [new(Target.ContractB, "U F F H H A F F F F A")],
        ["GET /api/v1/payouts"] = [new(Target.None, "U F F F F O F F F O O")],
        ["POST /api/v1/payouts/files"] = [new(Target.None, "U F F F F A F F F A A")],
        ["GET /api/v1/payouts/files"] = [new(Target.None, "U F F F F O F F F O O")],
        ["POST /api/v1/payouts/status-reports"] = [new(Target.None, "U F F F F A F F F A A")],
        ["POST /api/v1/payouts/{id}/cancel"] = [new(Target.None, "U F F F F F F F F A A")],
        ["GET /api/v1/payouts/files/{messageId}"] = [new(Target.None, "U F F F F H F F F H H")],
        ["GET /api/v1/refunds"] = [new(Target.None, "U F F F F O F F F O O")],
        ["POST /api/v1/marketing/campaigns"] = [new(Target.None, "U F F F F F F F F A A")],
        ["GET /api/v1/refunds/export.csv"] = [new(Target.None, "U F F F F O F F F O O")],
        ["POST /api/v1/loans/{id}/refund"] = [new(Target.LoanA, "U F F F F A F F F A A")],
        ["GET /api/v1/dealers/{id}/settlement-account"] = [new(Target.Dealer3, "U F F F F O F F F O O")],
        ["PUT /api/v1/dealers/{id}/settlement-account"] = [new(Target.Dealer3, "U F F F F F F F F A A")],
        ["POST /api/v1/applications/{id}/documents"] = [new(Target.ApplicationA, "U A H H H A H H H H A")],
        ["GET /api/v1/applications/{id}/documents"] = [new(Target.ApplicationA, "U O H H H O O O O O O")],
        ["POST /api/v1/id-card/read"] = [new(Target.None, "U A A A A A A A A A A")],
        ["GET /api/v1/documents/{id}/file"] = [new(Target.None, "U H H H H H H H H H H")],
        ["GET /api/v1/documents/{id}/thumbnail"] = [new(Target.None, "U H H H H H H H H H H")],
        ["POST /api/v1/documents/{id}/review"] = [new(Target.None, "U F F F F A F F F F A")],

        ["GET /api/v1/loans"] = [new(Target.None, "U O O O O O O O O O O")],
        ["GET /api/v1/loans/{id}"] = [new(Target.LoanA, "U O H H H O O O O O O")],
        ["GET /api/v1/loans/{id}/entries"] = [new(Target.LoanA, "U F F F F O O O O O O")],
        ["POST /api/v1/loans/{id}/payments"] = [new(Target.LoanA, "U A H F F F F A A F A")],
        ["POST /api/v1/loans/{id}/payments/{paymentId}/reversal"] = [new(Target.LoanA, "U F F F F F F F A A A")],
        ["GET /api/v1/loans/{id}/payment-intents"] = [new(Target.LoanA, "U O H H H O O O O O O")],
        ["GET /api/v1/loans/{id}/payment-intents/{paymentId}"] = [new(Target.LoanA, "U H H H H H H H H H H")],
        ["GET /api/v1/loans/{id}/repayment-reference"] = [new(Target.LoanA, "U O H H H O O O O O O")],
        ["GET /api/v1/me/mandates"] = [new(Target.None, "U O O F F F F F F F F")],
        ["POST /api/v1/me/mandates/code"] = [new(Target.None, "U A A F F F F F F F F")],
        ["POST /api/v1/me/mandates"] = [new(Target.None, "U A A F F F F F F F F")],
        ["DELETE /api/v1/me/mandates/{id}"] = [new(Target.None, "U H H F F F F F F F F")],
        ["POST /api/v1/servicing/direct-debits/run"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/reconciliation/statements"] = [new(Target.None, "U F F F F F F F A A A")],
        ["GET /api/v1/reconciliation/lines"] = [new(Target.None, "U F F F F F F F O O O")],
        ["POST /api/v1/reconciliation/lines/{lineId}/assign"] = [new(Target.None, "U F F F F F F F H H H")],
        ["POST /api/v1/reconciliation/lines/{lineId}/return"] = [new(Target.None, "U F F F F F F F H H H")],
        // Believed only when signed by the provider, never for a session: unsigned, it is refused whoever sends it.
        ["POST /api/v1/payment-callbacks/{provider}"] = [new(Target.None, "U U U U U U U U U U U")],
        ["POST /api/v1/sms-replies"] = [new(Target.None, "U U U U U U U U U U U")],
        ["GET /api/v1/loans/{id}/payoff"] = [new(Target.LoanA, "U O H H H O O O O O O")],
        ["POST /api/v1/loans/{id}/payoff"] = [new(Target.LoanA, "U A H F F F F A A F A")],
        ["POST /api/v1/loans/{id}/hardship"] = [new(Target.LoanA, "U F F F F F F F A A A")],
        ["POST /api/v1/loans/{id}/rate-changes"] = [new(Target.LoanA, "U F F F F F F F A A A")],
        ["POST /api/v1/loans/{id}/charge-waivers"] = [new(Target.LoanA, "U F F F F F F A A A A")],
        ["POST /api/v1/loans/{id}/hardship-requests"] = [new(Target.LoanA, "U A H F F F F F F F F")],
        ["GET /api/v1/loans/{id}/hardship-requests"] = [new(Target.LoanA, "U O H F F O O O O O O")],
        ["GET /api/v1/hardship-requests"] = [new(Target.None, "U F F F F F F F O O O")],
        ["POST /api/v1/hardship-requests/{id}/approve"] = [new(Target.None, "U F F F F F F F H H H")],
        ["POST /api/v1/hardship-requests/{id}/decline"] = [new(Target.None, "U F F F F F F F H H H")],
        ["GET /api/v1/models"] = [new(Target.None, "U F F F F F O F F O O")],
        ["GET /api/v1/models/active/monitoring"] = [new(Target.None, "U F F F F F O F F O O")],
        ["POST /api/v1/models"] = [new(Target.None, "U F F F F F A F F A A")],
        ["POST /api/v1/models/{id}/promote"] = [new(Target.None, "U F F F F F H F F H H")],
        ["POST /api/v1/models/rollback"] = [new(Target.None, "U F F F F F F F F A A")],
        ["GET /api/v1/loans/{id}/contacts"] = [new(Target.LoanA, "U F F F F F F O O O O")],
        ["POST /api/v1/loans/{id}/contacts"] = [new(Target.LoanA, "U F F F F F F A A A A")],

        ["GET /api/v1/collections/worklist"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/collections/roll-rates"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/loans/{id}/debtor"] = [new(Target.LoanA, "U F F F F F F O O O O")],
        ["POST /api/v1/loans/{id}/debtor/reveal"] = [new(Target.LoanA, "U F F F F F F O F O O")],
        ["POST /api/v1/collections/assign"] = [new(Target.None, "U F F F F F F F F A A")],
        ["GET /api/v1/messages"] = [new(Target.None, "U O O O O O O O O O O"), new(Target.InboxOfA, "U O O O O O O O O O O")],
        ["GET /api/v1/cob/{date}"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/cob"] = [new(Target.None, "U F F F F F F F F A A")],

        ["GET /api/v1/me/data"] = [new(Target.None, "U O O F F F F F F F F")],
        ["GET /api/v1/customers/{id}/data"] = [new(Target.CustomerA, "U O H F F F F F O O O"), new(Target.CustomerB, "U H O F F F F F O O O")],
        ["POST /api/v1/customers/{id}/data/unmask-requests"] = [new(Target.CustomerA, "U F F F F F F F A A A")],
        ["POST /api/v1/customers/{id}/erasure"] = [new(Target.CustomerA, "U A H F F F F F F F A")],

        ["GET /api/v1/cases"] = [new(Target.None, "U O O F F F F O O O O")],
        ["POST /api/v1/cases"] = [new(Target.None, "U A A F F F F A A A A")],
        ["GET /api/v1/cases/{id}"] = [new(Target.CaseA, "U O H F F F F O O O O")],
        ["POST /api/v1/cases/{id}/assign"] = [new(Target.CaseA, "U F F F F F F F A A A")],
        ["POST /api/v1/cases/{id}/messages"] = [new(Target.CaseA, "U A H F F F F F A A A")],
        ["POST /api/v1/cases/{id}/resolve"] = [new(Target.CaseA, "U F F F F F F F A A A")],
        ["POST /api/v1/cases/{id}/reopen"] = [new(Target.CaseA, "U A H F F F F F A A A")],
        ["POST /api/v1/cases/escalations"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/surveys"] = [new(Target.None, "U O O F F F O F O O O")],
        ["POST /api/v1/surveys/{id}/answer"] = [new(Target.SurveyA, "U A H F F F F F F F F")],
        ["GET /api/v1/surveys/results"] = [new(Target.None, "U F F F F F O F O O O")],
        ["GET /api/v1/service-metrics"] = [new(Target.None, "U F F F F F O F O O O")],
        ["POST /api/v1/assistant"] = [new(Target.None, "U O O F F F F F F F F")],
        ["GET /api/v1/knowledge"] = [new(Target.None, "O O O O O O O O O O O")],

        ["GET /api/v1/customers/{id}/360"] = [new(Target.CustomerA, "U F F F F O O O O O O")],
        ["GET /api/v1/customers/{id}/access-log"] = [new(Target.CustomerA, "U F F F F F F F F O O")],
        ["GET /api/v1/customers/{id}/consents"] = [new(Target.CustomerA, "U O H F F O O O O O O"), new(Target.CustomerB, "U H O F F O O O O O O")],
        ["POST /api/v1/customers/{id}/consents"] = [new(Target.CustomerA, "U A H F F A A A A A A")],
        ["GET /api/v1/customers/{id}/notification-preferences"] = [new(Target.CustomerA, "U O H F F O O O O O O"), new(Target.CustomerB, "U H O F F O O O O O O")],
        ["PUT /api/v1/customers/{id}/notification-preferences"] = [new(Target.CustomerA, "U A H F F A A A A A A")],
        ["GET /api/v1/customers/{id}/next-best-offer"] = [new(Target.CustomerA, "U F F F F F O F O O O")],
        ["POST /api/v1/insight/refresh"] = [new(Target.None, "U F F F F F O F F F O")],
        ["GET /api/v1/insight/segments"] = [new(Target.None, "U F F F F F O F O O O")],
        ["GET /api/v1/insight/at-risk"] = [new(Target.None, "U F F F F F O F O O O")],
        ["GET /api/v1/experiments"] = [new(Target.None, "U F F F F O O O O O O")],
        ["POST /api/v1/experiments"] = [new(Target.None, "U F F F F F A F F A A")],
        ["POST /api/v1/experiments/{id}/assignments"] = [new(Target.Experiment, "U F F F F O O O O O O")],
        ["POST /api/v1/experiments/{id}/outcomes"] = [new(Target.Experiment, "U F F F F F A F F A A")],
        ["GET /api/v1/experiments/{id}/results"] = [new(Target.Experiment, "U F F F F O O O O O O")],

        ["GET /api/v1/admin/blacklist"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/admin/blacklist"] = [new(Target.None, "U F F F F F F F F A A")],
        ["DELETE /api/v1/admin/blacklist/{id}"] = [new(Target.BlacklistEntry, "U F F F F F F F F A A")],
        ["GET /api/v1/approvals"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/admin/products"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/admin/products/{code}"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/admin/products/{code}/changes"] = [new(Target.None, "U F F F F F F F F A A")],
        ["POST /api/v1/approvals/{id}/approve"] = [new(Target.PendingApproval, "U F F F F F F F F A A")],
        ["POST /api/v1/approvals/{id}/reject"] = [new(Target.PendingApproval, "U F F F F F F F F A A")],
        ["POST /api/v1/loans/{id}/write-off"] = [new(Target.LoanA, "U F F F F F F A F A A")],
        ["GET /api/v1/admin/audit/verify"] = [new(Target.None, "U F F F F F F F F F O")],
        ["GET /api/v1/admin/audit"] = [new(Target.None, "U F F F F F F F F F O")],
        ["GET /api/v1/admin/audit/export.csv"] = [new(Target.None, "U F F F F F F F F F O")],
        ["GET /api/v1/admin/users"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/admin/users/{id}/role"] = [new(Target.ThrowawayUser, "U F F F F F F F F F A")],
        ["DELETE /api/v1/admin/users/{id}/sessions"] = [new(Target.ThrowawayUser, "U F F F F F F F F F O")],
        ["GET /api/v1/admin/dealers"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/admin/dealers"] = [new(Target.None, "U F F F F F F F F F A")],
        ["PUT /api/v1/admin/dealers/{id}/contact"] = [new(Target.Dealer3, "U F F F F F F F F F A")],
        ["POST /api/v1/admin/dealers/{id}/api-key"] = [new(Target.Dealer3, "U F F F F F F F F F O")],
        ["DELETE /api/v1/admin/dealers/{id}/api-key"] = [new(Target.Dealer3, "U F F F F F F F F F O")],

        ["GET /api/v1/loans/export.csv"] = [new(Target.None, "U F F F F F O F F O O")],
        ["GET /api/v1/applications/export.csv"] = [new(Target.None, "U F F F F F O F F O O")],
        ["GET /api/v1/cases/export.csv"] = [new(Target.None, "U F F F F F F F O O O")],
        ["GET /api/v1/referrals/export.csv"] = [new(Target.None, "U F F F F O F F F F O")],
        ["GET /api/v1/surveys/export.csv"] = [new(Target.None, "U F F F F F O F O O O")],
        ["GET /api/v1/payouts/export.csv"] = [new(Target.None, "U F F F F O F F F O O")],
        ["GET /api/v1/approvals/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/write-offs"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/write-offs/export.csv"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/write-offs/loans"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/write-offs/loans/export.csv"] = [new(Target.None, "U F F F F F F O F O O")],
        ["GET /api/v1/admin/blacklist/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/admin/users/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/admin/dealers/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/admin/products/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/hardship-requests/export.csv"] = [new(Target.None, "U F F F F F F F O O O")],
        ["GET /api/v1/collections/worklist/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/models/versions"] = [new(Target.None, "U F F F F F O F F O O")],
        ["GET /api/v1/models/versions/export.csv"] = [new(Target.None, "U F F F F F O F F O O")],
        ["GET /api/v1/jobs/runs/export.csv"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/documents/pending"] = [new(Target.None, "U F F F F O F F F O O")],
        ["GET /api/v1/documents/pending/export.csv"] = [new(Target.None, "U F F F F O F F F O O")],
        ["GET /api/v1/jobs"] = [new(Target.None, "U F F F F F F F F O O")],
        ["GET /api/v1/jobs/runs"] = [new(Target.None, "U F F F F F F F F O O")],
        ["POST /api/v1/jobs/{name}/run"] = [new(Target.Job, "U F F F F F F F F F O")],
        ["GET /api/v1/outbox/undelivered"] = [new(Target.None, "U F F F F F F F F O O")],
        // An empty body: the admin is told the channel is missing.
        ["POST /api/v1/outbox/undelivered/resend"] = [new(Target.None, "U F F F F F F F F F A")],
        ["GET /api/v1/alerts"] = [new(Target.None, "U F F F F F O F F O O")],
        ["POST /api/v1/alerts/{id}/acknowledge"] = [new(Target.None, "U F F F F F H F F H H")],
        // Without a query the search answers 400 to the roles that may search.
        ["GET /api/v1/search"] = [new(Target.None, "U F F F F A A A A A A")],
    };

    /// <summary>Request bodies where an empty document would not reach the check that matters.</summary>
    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["POST /api/v1/loans/{id}/payments"] = """{"amount": 1.00, "channel": "cash", "receiptReference": "R-100001"}""",
        ["POST /api/v1/loans/{id}/payoff"] = """{"amount": 0.01}""",
        ["POST /api/v1/loans/{id}/payments/{paymentId}/reversal"] = """{"reason": "access matrix"}""",
        ["POST /api/v1/loans/{id}/write-off"] = """{"reason": "access matrix"}""",
        ["POST /api/v1/loans/{id}/hardship-requests"] = """{"kind": "payment-holiday", "installments": 1, "reason": "access matrix"}""",
        ["POST /api/v1/models/{id}/promote"] = """{"reason": "access matrix"}""",
        ["POST /api/v1/models/rollback"] = """{"reason": "access matrix"}""",
        ["POST /api/v1/hardship-requests/{id}/decline"] = """{"reason": "access matrix"}""",
        ["POST /api/v1/admin/users/{id}/role"] = """{"role": "collector", "reason": "access matrix"}""",
        ["POST /api/v1/customers/{id}/data/unmask-requests"] = """{"reason": "access matrix"}""",
        // A date to come: refused after the role check, so the matrix never runs a real end-of-day.
        ["POST /api/v1/cob"] = """{"businessDate": "2999-01-01"}""",
        // A question answered from the caller's own loan: customer B's answer must not carry customer A's figures.
        ["POST /api/v1/assistant"] = """{"question": "What is my balance?", "language": "en"}""",
        ["POST /api/v1/experiments/{id}/assignments"] = """{"subjectId": "access-matrix-subject"}""",
        ["POST /api/v1/experiments/{id}/outcomes"] = """{"subjectId": "access-matrix-subject", "converted": true}""",
    };

    [SkippableFact]
    public async Task Every_operation_answers_every_role_as_the_matrix_says()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var world = await TrustWorld.OfAsync(platform);
        var operations = await OpenApiOperations.ReadAsync(world.Clients[Caller.Anonymous]);

        var unclassified = operations.Select(o => o.Key).Except(Matrix.Keys).ToList();
        var stale = Matrix.Keys.Except(operations.Select(o => o.Key)).ToList();
        Assert.True(unclassified.Count == 0, "every endpoint must be classified in the access matrix; missing: " + string.Join(", ", unclassified));
        Assert.True(stale.Count == 0, "the access matrix names operations the API no longer has: " + string.Join(", ", stale));

        var failures = new List<string>();
        // Signing out ends the callers' sessions, so it goes last.
        foreach (var operation in operations.OrderBy(o => o.Key == "POST /api/v1/auth/logout"))
        {
            foreach (var @case in Matrix[operation.Key])
            {
                var expectations = @case.Expectations.Split(' ');
                Assert.Equal(Enum.GetValues<Caller>().Length, expectations.Length);
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    var path = Resolve(operation.Path, @case.Target, world);
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                    if (operation.Method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent(Bodies.GetValueOrDefault(operation.Key, "{}"), Encoding.UTF8, "application/json");
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    }

                    using var response = await world.Clients[caller].SendAsync(request);
                    var status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    var expected = expectations[(int)caller];
                    var where = $"{operation.Key} on {@case.Target} as {caller}: {status}";
                    if (status >= 500)
                    {
                        failures.Add($"{where} (a server error) {body}");
                    }
                    else if (!Meets(expected, status))
                    {
                        failures.Add($"{where}, expected {Describe(expected)}: {Truncate(body)}");
                    }

                    foreach (var (secret, name) in ForeignIds(caller, world))
                    {
                        if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
                        {
                            failures.Add($"{where}: the answer carries {name}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [SkippableFact]
    public async Task A_caller_without_a_valid_credential_gets_401_on_every_protected_operation()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var world = await TrustWorld.OfAsync(platform);
        using var forged = platform.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-session-token");
        using var wrongKey = platform.Dealer("not-a-dealer-key");
        foreach (var operation in await OpenApiOperations.ReadAsync(world.Clients[Caller.Anonymous]))
        {
            if (Matrix[operation.Key][0].Expectations[0] != 'U')
            {
                continue;
            }

            foreach (var client in new[] { forged, wrongKey })
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), Resolve(operation.Path, Matrix[operation.Key][0].Target, world));
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation.Key}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private static bool Meets(string expected, int status) => expected switch
    {
        "U" => status == 401,
        "F" => status == 403,
        "H" => status == 404,
        "O" => status is >= 200 and < 300,
        "A" => status is not (401 or 403 or 404) and < 500,
        _ => throw new InvalidOperationException($"unknown expectation {expected}"),
    };

    private static string Describe(string expected) => expected switch
    {
        "U" => "401", "F" => "403", "H" => "404", "O" => "2xx", _ => "an authorised answer (not 401/403/404)",
    };

    /// <summary>Ids the caller must never be shown, in any answer.</summary>
    private static IEnumerable<(string Id, string Name)> ForeignIds(Caller caller, TrustWorld world)
    {
        (string, string)[] customerA =
        [
            (world.ApplicationA.ToString(), "customer A's application"), (world.LoanA.ToString(), "customer A's loan"),
            (world.CustomerA.ToString(), "customer A's customer id"), (world.CaseA.ToString(), "customer A's case"), (world.SurveyA.ToString(), "customer A's survey"),
        ];
        return caller switch
        {
            Caller.CustomerB => customerA,
            Caller.Dealer2 => [(world.ApplicationD1.ToString(), "dealer 1's application"), .. customerA],
            Caller.Dealer1 => customerA,
            Caller.CustomerA => [(world.ApplicationD1.ToString(), "dealer 1's application"), (world.CustomerB.ToString(), "customer B's customer id")],
            _ => [],
        };
    }

    private static string Resolve(string template, Target target, TrustWorld world)
    {
        var (id, second) = target switch
        {
            Target.ApplicationA => (world.ApplicationA.ToString(), world.OfferA.ToString()),
            Target.ApplicationD1 => (world.ApplicationD1.ToString(), world.OfferD1.ToString()),
            Target.LoanA => (world.LoanA.ToString(), world.PaymentA.ToString()),
            Target.ContractB => (world.ContractB.ToString(), string.Empty),
            Target.Referral => (world.Referral.ToString(), string.Empty),
            Target.BlacklistEntry => (world.BlacklistEntry.ToString(), string.Empty),
            Target.PendingApproval => (world.PendingApproval.ToString(), string.Empty),
            Target.ThrowawayUser => (world.ThrowawayUser.ToString(), string.Empty),
            Target.Dealer3 => (world.Dealer3.ToString(), string.Empty),
            Target.CustomerA or Target.InboxOfA => (world.CustomerA.ToString(), string.Empty),
            Target.CustomerB => (world.CustomerB.ToString(), string.Empty),
            Target.CaseA => (world.CaseA.ToString(), string.Empty),
            Target.SurveyA => (world.SurveyA.ToString(), string.Empty),
            Target.Experiment => (TrustWorld.Experiment, string.Empty),
            _ => (Guid.Empty.ToString(), Guid.Empty.ToString()),
        };
        var path = template.Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{offerId}", second, StringComparison.Ordinal)
            .Replace("{paymentId}", second, StringComparison.Ordinal)
            .Replace("{provider}", "simpay", StringComparison.Ordinal)
            .Replace("{code}", "car-loan", StringComparison.Ordinal)
            .Replace("{lineId}", second, StringComparison.Ordinal)
            .Replace("{messageId}", "AF20260101000000000", StringComparison.Ordinal)
            .Replace("{name}", target == Target.Job ? "run-history-cleanup" : "no-such-job", StringComparison.Ordinal)
            .Replace("{date}", DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        // Staff name the customer whose inbox they read; a customer naming another's is shown their own.
        return target == Target.InboxOfA ? $"{path}?customerId={id}" : path;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private enum Target
    {
        None,
        ApplicationA,
        ApplicationD1,
        LoanA,
        ContractB,
        Referral,
        BlacklistEntry,
        PendingApproval,
        ThrowawayUser,
        Dealer3,
        CustomerA,
        CustomerB,
        InboxOfA,
        CaseA,
        SurveyA,
        Experiment,
        Job,
    }

    private sealed record Case(Target Target, string Expectations);
}

public sealed class AccessMatrixOnSqlite(SqlitePlatform platform) : AccessMatrix<SqlitePlatform>(platform);

public sealed class AccessMatrixOnPostgres(PostgresPlatform platform) : AccessMatrix<PostgresPlatform>(platform);

/// <summary>The operations of the platform's OpenAPI document.</summary>
internal static class OpenApiOperations
{
    public sealed record Operation(string Method, string Path, JsonElement Definition)
    {
        public string Key => $"{Method} {Path}";

        public IEnumerable<(string Name, string In, string? Type)> Parameters =>
            Definition.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(p => (
                    p.GetProperty("name").GetString()!,
                    p.GetProperty("in").GetString()!,
                    p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) ? type.ToString() : null))
                : [];

        public bool HasBody => Definition.TryGetProperty("requestBody", out _) || Method is "POST" or "PUT" or "PATCH";
    }

    public static async Task<IReadOnlyList<Operation>> ReadAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value.Clone()));
                }
            }
        }

        return operations;
    }
}
