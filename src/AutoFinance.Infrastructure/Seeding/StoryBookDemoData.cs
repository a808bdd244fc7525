using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// A loan book with a past, on top of <see cref="DemoData"/>: seven customers whose loans started months ago and were
/// decided, booked, paid and closed day by day by the platform's own code under a <see cref="SeedingClock"/> —
/// the decision, acceptance and disbursement, payments through the servicing slices, end-of-day for every month end
/// and every day of the last five weeks (so late fees, penalty interest, days past due and reminders are the
/// engine's) — ending in each lateness state: current, paid ahead, 1–30, 31–60, 61–90 and over 90 days late, and
/// paid off. The collector has worked the late ones (contacts, a broken promise) and the worklist is shared out;
/// three of the customers wrote to the service desk. Runs once, when its first customer is not yet registered.
/// </summary>
public sealed class StoryBookDemoData(IServiceProvider services, AutoFinanceDbContext db, AccountNames names, PasswordHashing passwords, CaseCommands cases, IPersonalDataProtector protector, TimeProvider time)
{
    /// <summary>One story: who, the lateness it ends in, and how its instalments were paid.</summary>
    public sealed record Story(string Mobile, string Name, string Pinyin, int Sequence, string State, DateOnly Start, int PaidInstalments, int DaysLateOn = 0, int LateInstalment = 0);

    /// <summary>The stories as of a business date; the start dates put the first unpaid instalment where each state needs it.</summary>
    public static IReadOnlyList<Story> Stories(DateOnly today) =>
    [
        new("13500135001", "周军", "Zhou Jun", 101, "current", today.AddDays(12).AddMonths(-7), 6),
        new("13500135002", "吴芳", "Wu Fang", 102, "paid-ahead", today.AddDays(6).AddMonths(-5), 4),
        new("13500135003", "郑浩", "Zheng Hao", 103, "1-30", today.AddDays(-12).AddMonths(-5), 4, DaysLateOn: 6, LateInstalment: 3),
        new("13500135004", "冯磊", "Feng Lei", 104, "31-60", today.AddDays(-45).AddMonths(-4), 3),
        new("13500135005", "陈梅", "Chen Mei", 105, "61-90", today.AddDays(-75).AddMonths(-3), 2, DaysLateOn: 9, LateInstalment: 2),
        new("13500135006", "蒋涛", "Jiang Tao", 106, "90+", today.AddDays(-120).AddMonths(-2), 1),
        new("13500135007", "韩雪", "Han Xue", 107, "paid-off", today.AddDays(-25).AddMonths(-8), 8),
    ];

    private sealed class Booked(Story story, Actor customer)
    {
        public Story Story { get; } = story;

        public Actor Customer { get; set; } = customer;

        public Guid? LoanId { get; set; }
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        var first = names.LookupHash("13500135001");
        if (!await db.Dealers.AnyAsync(ct).ConfigureAwait(false) || await db.Users.AnyAsync(u => u.UserNameHash == first, ct).ConfigureAwait(false))
        {
            return;
        }

        var today = Application.Servicing.BusinessDay.Today(time);
        var stories = Stories(today);
        var clock = new SeedingClock(time);
        var booked = new List<Booked>();
        foreach (var story in stories)
        {
            var user = names.NewUser(Guid.CreateVersion7(time.GetUtcNow()), story.Mobile, passwords.Hash(DemoData.Password), Roles.Customer, story.Name, time.GetUtcNow());
            db.Users.Add(user);
            booked.Add(new Booked(story, new Actor(Roles.Customer, user.Id, null, null, story.Name)));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        var underwriter = await StaffAsync("underwriter", Roles.Underwriter, ct).ConfigureAwait(false);
        var collector = await StaffAsync("collector", Roles.Collector, ct).ConfigureAwait(false);
        var closeDates = CloseDates(stories.Min(s => s.Start), today);
        for (var day = stories.Min(s => s.Start); day < today; day = day.AddDays(1))
        {
            foreach (var story in booked.Where(b => b.Story.Start == day))
            {
                clock.MoveTo(day, 10);
                await BookAsync(story, underwriter, clock, ct).ConfigureAwait(false);
            }

            foreach (var story in booked.Where(b => b.LoanId is not null))
            {
                clock.MoveTo(day, 11);
                await PayAsync(story, day, today, collector, clock, ct).ConfigureAwait(false);
            }

            if (closeDates.Contains(day))
            {
                clock.MoveTo(day, 22);
                db.ChangeTracker.Clear();
                await ActivatorUtilities.CreateInstance<EndOfDay>(services, clock).RunAsync(day, new CobOptions { Worker = "demo-seed" }, ct).ConfigureAwait(false);
            }

            await ContactAsync(booked, day, today, collector, clock, ct).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        var manager = await StaffAsync("manager", Roles.Manager, ct).ConfigureAwait(false);
        await ActivatorUtilities.CreateInstance<CollectionsService>(services, time).AssignAsync(manager, null, ct).ConfigureAwait(false);
        await SeedCasesAsync(booked, ct).ConfigureAwait(false);
    }

    /// <summary>Every month end, and every day of the last five weeks (reminders and lateness as they happened).</summary>
    private static HashSet<DateOnly> CloseDates(DateOnly from, DateOnly today)
    {
        var dates = new HashSet<DateOnly>();
        for (var day = from; day < today; day = day.AddDays(1))
        {
            if (day.AddDays(1).Day == 1 || day >= today.AddDays(-35))
            {
                dates.Add(day);
            }
        }

        return dates;
    }

    private async Task BookAsync(Booked story, Actor underwriter, SeedingClock clock, CancellationToken ct)
    {
        var s = story.Story;
        var decisions = ActivatorUtilities.CreateInstance<DecisionService>(services, clock);
        var birth = new DateOnly(1980 + (s.Sequence % 15), 1 + (s.Sequence % 12), 3 + (s.Sequence % 25));
        var request = DemoData.Prime(s.Name, s.Mobile, birth, s.Sequence, "online") with { Vehicle = DemoData.ConventionalCar(s.Sequence) };
        var submitted = await decisions.SubmitAsync(request, new SubmissionContext(story.Customer, null, null, Guid.NewGuid().ToString()), ct).ConfigureAwait(false);
        if (submitted.Response is not { Approved: true, Offers.Count: > 0 } decision)
        {
            throw new InvalidOperationException($"demo story {s.State} was not approved: {submitted.Response?.Status} {string.Join("; ", submitted.Errors.Select(e => e.Message))}");
        }

        var customerId = await db.Users.AsNoTracking().Where(u => u.Id == story.Customer.UserId).Select(u => u.CustomerId).FirstAsync(ct).ConfigureAwait(false);
        story.Customer = story.Customer with { CustomerId = customerId };
        var origination = ActivatorUtilities.CreateInstance<OriginationCommands>(services, clock);
        var offer = decision.Offers.FirstOrDefault(o => o.TermMonths == 36) ?? decision.Offers[0];
        var accepted = await origination.AcceptAsync(story.Customer, decision.ApplicationId, offer.OfferId, CustomerSignature.Demo, ct).ConfigureAwait(false);
        var contract = accepted.Value ?? throw new InvalidOperationException($"demo story {s.State} offer not accepted");
        clock.MoveTo(s.Start, 15);
        story.LoanId = await new DemoFunding(services, clock).BookAsync(underwriter, contract.ContractId, ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The customer pays what is owing on the due date of each instalment up to the story's count (one instalment
    /// some days late); the paid-ahead customer pays an extra instalment with the last one, kept as credit; the
    /// paid-off customer settles the loan by its payoff quote; the 61–90 customer sent part of an instalment late.
    /// </summary>
    private async Task PayAsync(Booked story, DateOnly day, DateOnly today, Actor collector, SeedingClock clock, CancellationToken ct)
    {
        var s = story.Story;
        var loanId = story.LoanId!.Value;
        if (s.State == "paid-off" && day == today.AddDays(-20))
        {
            await PayOffRoundedUpAsync(story, collector, clock, ct).ConfigureAwait(false);
            return;
        }

        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var paysToday = installments.Where(i => i.Number <= s.PaidInstalments && !i.IsPaid
            && day == i.DueDate.AddDays(i.Number == s.LateInstalment ? s.DaysLateOn : 0)).ToList();
        var amount = 0m;
        if (paysToday.Count > 0)
        {
            amount = InstallmentBook.Owing(installments, day).Sum(d => d.Total);
            if (s.State == "paid-ahead" && paysToday[^1].Number == s.PaidInstalments)
            {
                amount += installments.First(i => i.Number == s.PaidInstalments + 1).Payment;
            }
        }
        else if (s.State == "61-90" && day == today.AddDays(-20))
        {
            amount = Math.Round(installments[s.PaidInstalments].Payment / 2m, 0, MidpointRounding.AwayFromZero);
        }

        if (amount <= 0m)
        {
            return;
        }

        var handler = ActivatorUtilities.CreateInstance<PostPaymentHandler>(services, clock);
        var receipt = await handler.HandleAsync(story.Customer, loanId, new PostPaymentRequest(amount, null, "hold"), null, ct).ConfigureAwait(false);
        Check(receipt, s);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The paid-off customer's bank transfer for the payoff was rounded up to the next thousand yuan: the branch posts
    /// it as a confirmed transfer (a second person approved it), the payoff settles from it, and what is left over is
    /// owed back to the customer (a refund waiting on /payouts).
    /// </summary>
    private async Task PayOffRoundedUpAsync(Booked story, Actor collector, SeedingClock clock, CancellationToken ct)
    {
        var loanId = story.LoanId!.Value;
        var quote = await ActivatorUtilities.CreateInstance<QuotePayoffHandler>(services, clock).HandleAsync(story.Customer, loanId, null, ct).ConfigureAwait(false);
        Check(quote, story.Story);
        var transfer = (Math.Floor(quote.Value!.Total / 1000m) + 1m) * 1000m;
        var posted = await ActivatorUtilities.CreateInstance<PostPaymentHandler>(services, clock).HandleAsync(collector, loanId,
            new PostPaymentRequest(transfer, null, "hold", null, $"TRF-{story.Story.Sequence}-PAYOFF", "bank-transfer"), null, ct, approvedBy: "system:seed").ConfigureAwait(false);
        Check(posted, story.Story);
        db.ChangeTracker.Clear();
        var paidOff = await ActivatorUtilities.CreateInstance<PayOffHandler>(services, clock).HandleAsync(story.Customer, loanId, new PayOffRequest(null, null), null, ct).ConfigureAwait(false);
        Check(paidOff, story.Story);
        db.ChangeTracker.Clear();
    }

    /// <summary>The collector's calls: the 31–60 customer promised to pay and did not; the others were reached or not.</summary>
    private async Task ContactAsync(List<Booked> booked, DateOnly day, DateOnly today, Actor collector, SeedingClock clock, CancellationToken ct)
    {
        var contacts = new List<(string State, CollectionsService.ContactInput Input)>();
        if (day == today.AddDays(-30))
        {
            contacts.Add(("31-60", new("call", "NA", "无人接听。", null, null)));
            contacts.Add(("61-90", new("call", "RPC", "本人接听，说收入暂时中断，下月初能还一部分。", null, null)));
            contacts.Add(("90+", new("call", "NA", "电话关机。", null, null)));
        }
        else if (day == today.AddDays(-10))
        {
            contacts.Add(("31-60", new("call", "PTP", "承诺发工资后还上所欠的一期。", 3000m, today.AddDays(-3))));
            contacts.Add(("90+", new("letter", "LM", "已寄出催收函。", null, null)));
        }
        else if (day == today.AddDays(-2))
        {
            contacts.Add(("1-30", new("sms", "LM", "已发送还款提醒短信。", null, null)));
        }

        if (contacts.Count == 0)
        {
            return;
        }

        clock.MoveTo(day, 15);
        var collections = ActivatorUtilities.CreateInstance<CollectionsService>(services, clock);
        foreach (var (state, input) in contacts)
        {
            var loan = booked.First(b => b.Story.State == state).LoanId!.Value;
            var recorded = await collections.RecordContactAsync(collector, loan, input, ct).ConfigureAwait(false);
            Check(recorded, booked.First(b => b.Story.State == state).Story);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>What three of the story customers wrote to the service desk, and the answers they got.</summary>
    private async Task SeedCasesAsync(List<Booked> booked, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var agentHash = names.LookupHash("agent");
        var agent = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == agentHash, ct).ConfigureAwait(false);
        var events = new List<AuditEvent>();

        ServiceCaseRow Open(string state, string kind, string category, string subject, string description, DateTimeOffset at)
        {
            var story = booked.First(b => b.Story.State == state);
            var row = cases.NewCase(story.Customer.CustomerId!.Value, kind, category, "normal", "app", subject, description, "system:seed", at);
            row.LoanId = story.LoanId;
            db.ServiceCases.Add(row);
            db.CaseMessages.Add(new CaseMessageRow { CaseId = row.Id, At = at, AuthorKind = "customer", Author = "customer", Visibility = "customer", BodyCipher = protector.Protect(description) });
            events.Add(new AuditEvent("system:seed", "case.opened", "case", row.Id.ToString(), new { row.Kind, row.Category, row.Priority, row.Channel, Seeded = true }));
            return row;
        }

        void Answer(ServiceCaseRow row, DateTimeOffset at, string text)
        {
            row.FirstRespondedAt = at;
            row.FirstRespondedBy = agent.Id;
            row.AssignedTo = agent.Id;
            row.AssignedAt = at;
            row.Status = Domain.ServiceDesk.CaseStatus.InProgress;
            db.CaseMessages.Add(new CaseMessageRow { CaseId = row.Id, At = at, AuthorKind = "staff", Author = $"{Roles.ServiceAgent}:{agent.Id}", Visibility = "customer", BodyCipher = protector.Protect(text) });
            events.Add(new AuditEvent("system:seed", "case.responded", "case", row.Id.ToString(), new { Seeded = true }));
        }

        var hardship = Open("31-60", CaseVocabulary.Question, "payment", "最近失业了，还款能不能缓一缓？", "我上个月失业了，正在找工作，这两期实在还不上。能不能申请延期或者分期？", now.AddDays(-6));
        Answer(hardship, now.AddDays(-6).AddHours(2), "理解您的困难。我们可以为您评估还款延期方案，请在应用内上传失业证明，我们会在三个工作日内答复。");
        Open("61-90", CaseVocabulary.Complaint, "collections", "催收电话打得太频繁", "这周每天都有电话打来，我已经说了下月初还一部分，请不要再打了。", now.AddDays(-1));
        var release = Open("paid-off", CaseVocabulary.Question, "documents", "已结清，怎么办理解除抵押？", "我已经提前结清了贷款，请问车辆解除抵押需要准备什么材料？", now.AddDays(-18));
        Answer(release, now.AddDays(-18).AddHours(1), "恭喜您结清贷款。结清证明和解押材料已寄出，请携带身份证和行驶证到车管所办理。");
        release.ResolvedAt = now.AddDays(-17);
        release.ResolvedBy = agent.Id;
        release.RootCause = "no-fault-found";
        release.ResolutionCipher = protector.Protect("已寄出结清证明和解押材料。");
        release.Status = Domain.ServiceDesk.CaseStatus.Resolved;
        events.Add(new AuditEvent("system:seed", "case.resolved", "case", release.Id.ToString(), new { release.RootCause, Seeded = true }));
        await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    private async Task<Actor> StaffAsync(string userName, string role, CancellationToken ct)
    {
        var hash = names.LookupHash(userName);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash, ct).ConfigureAwait(false);
        return new Actor(role, user.Id, null, null, names.DisplayName(user));
    }

    private static void Check<T>(Application.Common.CommandResult<T> result, Story story)
    {
        if (result.Failure != Application.Common.CommandFailure.None)
        {
            throw new InvalidOperationException($"demo story {story.State}: {result.Problem} " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
