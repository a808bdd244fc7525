using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Insight.Experiments;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.ServiceDesk;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// Demo data for the service desk and customer intelligence, on top of <see cref="DemoData"/>: the dealers' approved
/// applications accepted and booked (so there are loans to look at), the knowledge base, cases in every state (one
/// breached and escalated), surveys (some answered), consents, an experiment with outcomes, and one insight
/// refresh. Runs once, when the knowledge base is empty. All people are made up.
/// </summary>
public sealed class ServiceDeskDemoData(
    AutoFinanceDbContext db, IPersonalDataProtector protector, AccountNames names, OriginationCommands origination, CaseCommands cases, InsightRefresh insight, IServiceProvider services, TimeProvider time)
{
    public const string ExperimentId = "reminder-tone-2026";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.KnowledgeArticles.AnyAsync(ct).ConfigureAwait(false) || !await db.Dealers.AnyAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        await KnowledgeBase.SeedAsync(db, now, ct).ConfigureAwait(false);
        await BookDealerLoansAsync(ct).ConfigureAwait(false);

        var customers = await (from c in db.Customers.AsNoTracking()
                               join a in db.Applications.AsNoTracking() on c.Id equals a.CustomerId
                               select new { c.Id, a.Reference, a.SubmittedAt, a.Status }).ToListAsync(ct).ConfigureAwait(false);
        var ordered = customers.OrderBy(c => c.SubmittedAt).Select(c => c.Id).Distinct().ToList();
        var liNasHash = names.LookupHash("13800138000");
        var agentHash = names.LookupHash("agent");
        var liNa = await db.Users.AsNoTracking().Where(u => u.UserNameHash == liNasHash).Select(u => u.CustomerId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var agent = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == agentHash, ct).ConfigureAwait(false);
        if (liNa is not { } first || ordered.Count < 5)
        {
            return;
        }

        var others = ordered.Where(id => id != first).ToList();
        await SeedCasesAsync(first, others, agent.Id, now, ct).ConfigureAwait(false);
        await SurveyTriggers.SweepAsync(db, now, ct).ConfigureAwait(false);
        await AnswerSurveysAsync(first, others, now, ct).ConfigureAwait(false);
        await SeedConsentsAsync(first, others, now, ct).ConfigureAwait(false);
        await SeedExperimentAsync(now, ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await cases.EscalateAsync(new Actor("system", null, null, null, "escalation check"), ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await insight.RunAsync("system:seed", ct).ConfigureAwait(false);
    }

    /// <summary>Every approved dealer application is accepted by its dealer, signed as seeded demo data (no customer is there to read a code), and funded through the checklist and a confirmed payout, so the demo has a loan book.</summary>
    private async Task BookDealerLoansAsync(CancellationToken ct)
    {
        var underwriterHash = names.LookupHash("underwriter");
        var underwriter = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == underwriterHash, ct).ConfigureAwait(false);
        var underwriterActor = new Actor(Roles.Underwriter, underwriter.Id, null, null, names.DisplayName(underwriter));
        var approved = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Approved && a.DealerId != null)
            .Select(a => new { a.Id, a.DealerId, a.SubmittedAt, Offer = a.Offers.OrderBy(o => o.Rank).Select(o => o.Id).FirstOrDefault() }).ToListAsync(ct).ConfigureAwait(false);
        foreach (var a in approved.OrderBy(a => a.SubmittedAt))
        {
            var accepted = await origination.AcceptAsync(new Actor(Roles.Dealer, null, a.DealerId, null, "demo dealer"), a.Id, a.Offer, CustomerSignature.Demo, ct).ConfigureAwait(false);
            if (accepted.Value is { } contract)
            {
                await new DemoFunding(services, time).BookAsync(underwriterActor, contract.ContractId, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task SeedCasesAsync(Guid liNa, IReadOnlyList<Guid> others, Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        var seed = new Actor("system", null, null, null, "demo seed");
        var events = new List<AuditEvent>();
        var loans = (await db.Loans.AsNoTracking().Select(l => new { l.CustomerId, l.Id, l.BookedAt }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(l => l.CustomerId).ToDictionary(g => g.Key, g => (Guid?)g.OrderByDescending(l => l.BookedAt).First().Id);

        ServiceCaseRow Case(Guid customer, string kind, string category, string priority, string channel, string subject, string description, DateTimeOffset openedAt)
        {
            var row = cases.NewCase(customer, kind, category, priority, channel, subject, description, seed.AuditName, openedAt);
            row.LoanId = loans.GetValueOrDefault(customer);
            db.ServiceCases.Add(row);
            db.CaseMessages.Add(new CaseMessageRow { CaseId = row.Id, At = openedAt, AuthorKind = "customer", Author = "customer", Visibility = "customer", BodyCipher = protector.Protect(description) });
            events.Add(new AuditEvent(seed.AuditName, "case.opened", "case", row.Id.ToString(), new { row.Kind, row.Category, row.Priority, row.Channel, Seeded = true }));
            return row;
        }

        void Respond(ServiceCaseRow row, DateTimeOffset at, string text)
        {
            row.FirstRespondedAt = at;
            row.FirstRespondedBy = agentId;
            row.AssignedTo = agentId;
            row.AssignedAt = at;
            row.Status = CaseStatus.InProgress;
            db.CaseMessages.Add(new CaseMessageRow { CaseId = row.Id, At = at, AuthorKind = "staff", Author = $"{Roles.ServiceAgent}:{agentId}", Visibility = "customer", BodyCipher = protector.Protect(text) });
            events.Add(new AuditEvent(seed.AuditName, "case.responded", "case", row.Id.ToString(), new { Seeded = true }));
        }

        void Resolve(ServiceCaseRow row, DateTimeOffset at, string rootCause, string text)
        {
            row.ResolvedAt = at;
            row.ResolvedBy = agentId;
            row.RootCause = rootCause;
            row.ResolutionCipher = protector.Protect(text);
            row.Status = CaseStatus.Resolved;
            events.Add(new AuditEvent(seed.AuditName, "case.resolved", "case", row.Id.ToString(), new { RootCause = rootCause, Seeded = true }));
        }

        // Li Na: a fee complaint nobody answered (breached, escalated) and an earlier complaint resolved, rated poorly.
        Case(liNa, CaseVocabulary.Complaint, "fees", "high", "app", "账单上有一笔看不懂的费用", "我的账单上多了一笔费用，之前没人告诉过我。请解释一下，并退还给我。", now.AddDays(-8));
        var earlier = Case(liNa, CaseVocabulary.Complaint, "service", "normal", "phone", "一直没人给我回电话", "我两次申请电话咨询还款日的问题，到现在都没人回电话。", now.AddDays(-20));
        Respond(earlier, now.AddDays(-20).AddHours(3), "让您久等了，已为您预约明天上午的回电。");
        Resolve(earlier, now.AddDays(-16), "communication", "已致电客户，说明了还款日以及如何调整。");

        // Other customers: a fresh question, one in progress, one reopened after its resolution.
        Case(others[0], CaseVocabulary.Question, "payment", "normal", "app", "可以提前几天还款吗？", "如果我比还款日早几天还，算这个月的还款吗？", now.AddHours(-1));
        var documents = Case(others[1 % others.Count], CaseVocabulary.Question, "documents", "low", "dealer", "想要一份合同副本", "请把已签署的合同发我一份。", now.AddDays(-3));
        Respond(documents, now.AddDays(-3).AddHours(2), "我们正在准备副本，稍后会在应用内发送给您。");
        var reopened = Case(others[2 % others.Count], CaseVocabulary.Feedback, "digital", "low", "web", "应用总是自动退出登录", "每次切换到别的应用，再回来就要重新登录。", now.AddDays(-10));
        Respond(reopened, now.AddDays(-10).AddHours(4), "感谢反馈，技术团队正在处理。");
        Resolve(reopened, now.AddDays(-7), "system-error", "已在最新版本中修复。");
        reopened.ResolvedAt = null;
        reopened.ResolvedBy = null;
        reopened.RootCause = null;
        reopened.ResolutionCipher = null;
        reopened.Status = CaseStatus.InProgress;
        reopened.ReopenCount = 1;
        events.Add(new AuditEvent(seed.AuditName, "case.reopened", "case", reopened.Id.ToString(), new { reopened.ReopenCount, Seeded = true }));

        // The resolved complaint's survey, answered.
        db.Surveys.Add(SurveyTriggers.New(liNa, SurveyTriggers.CaseClosed, earlier.Id.ToString(), earlier.Channel, earlier.DealerId, agentId, now.AddDays(-16)));
        await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
    }

    private async Task AnswerSurveysAsync(Guid liNa, IReadOnlyList<Guid> others, DateTimeOffset now, CancellationToken ct)
    {
        var scores = new Dictionary<Guid, (int Csat, int Nps)> { [liNa] = (1, 2) };
        (int, int)[] pattern = [(5, 10), (4, 9), (4, 8), (3, 6), (5, 9), (2, 3)];
        for (var i = 0; i < others.Count; i++)
        {
            scores[others[i]] = pattern[i % pattern.Length];
        }

        var surveys = await db.Surveys.ToListAsync(ct).ConfigureAwait(false);
        foreach (var s in surveys.Where(s => s.Trigger == SurveyTriggers.CaseClosed || s.CustomerId != liNa).Take(6))
        {
            var (csat, nps) = scores.GetValueOrDefault(s.CustomerId, (4, 8));
            s.AnsweredAt = s.Trigger == SurveyTriggers.CaseClosed ? now.AddDays(-15) : now;
            s.Csat = csat;
            s.Nps = nps;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private async Task SeedConsentsAsync(Guid liNa, IReadOnlyList<Guid> others, DateTimeOffset now, CancellationToken ct)
    {
        ConsentRow Consent(Guid customer, string channel, bool granted, DateTimeOffset at, string source) =>
            new() { CustomerId = customer, Purpose = "marketing", Channel = channel, Granted = granted, RecordedAt = at, Source = source, RecordedBy = "system:seed" };

        db.Consents.AddRange(
            Consent(liNa, "app", true, now.AddDays(-30), "app"),
            Consent(liNa, "sms", true, now.AddDays(-30), "app"),
            Consent(liNa, "email", true, now.AddDays(-30), "app"),
            Consent(liNa, "email", false, now.AddDays(-5), "app"),
            Consent(others[0], "sms", true, now.AddDays(-20), "paper"),
            Consent(others[0], "sms", false, now.AddDays(-2), "phone"));
        foreach (var other in others.Skip(1))
        {
            db.Consents.Add(Consent(other, "app", true, now.AddDays(-10), "paper"));
        }

        db.Consents.Add(new ConsentRow { CustomerId = liNa, Purpose = "service", Channel = "sms", Granted = true, RecordedAt = now.AddDays(-30), Source = "app", RecordedBy = "system:seed" });
        await AuditLog.SaveWithAsync(db, [new AuditEvent("system:seed", "consent.seeded", "consents", "demo", new { Customers = 1 + others.Count })], now, ct).ConfigureAwait(false);
    }

    /// <summary>A reminder-message test half-way: 240 customers exposed, the friendlier message converting better — "not final".</summary>
    private async Task SeedExperimentAsync(DateTimeOffset now, CancellationToken ct)
    {
        var definition = new ExperimentDefinition(ExperimentId, [new("formal", 1), new("friendly", 1)], "收到提醒后在还款日前还款", 0.70, 0.10);
        db.Experiments.Add(new ExperimentRow
        {
            Id = definition.Id, Metric = definition.Metric, Description = "还款日前两天的还款提醒：正式措辞（对照组）与更亲切的措辞对比。",
            VariantsJson = Application.Common.Json.Serialize(definition.Variants), BaselineRate = definition.BaselineRate, MinimumDetectableEffect = definition.MinimumDetectableEffect,
            Alpha = definition.Alpha, Power = definition.Power, RequiredSamplePerVariant = definition.RequiredSamplePerVariant, CreatedAt = now.AddDays(-14), CreatedBy = "system:seed",
        });
        var random = new Random(2026);
        for (var i = 1; i <= 240; i++)
        {
            var subject = $"demo-subject-{i:D4}";
            var variant = VariantAssigner.Assign(definition, subject).Name;
            var converted = random.NextDouble() < (variant == "formal" ? 0.70 : 0.80);
            var at = now.AddDays(-14).AddHours(i);
            db.ExperimentExposures.Add(new ExperimentExposureRow { ExperimentId = definition.Id, SubjectId = subject, Variant = variant, AssignedAt = at, ConvertedAt = converted ? at.AddDays(2) : null });
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent("system:seed", "experiment.defined", "experiment", definition.Id, new { definition.Metric, definition.RequiredSamplePerVariant, Seeded = true })], now, ct).ConfigureAwait(false);
    }
}
