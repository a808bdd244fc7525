using AutoFinance.Application.Common;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;
using AutoFinance.Domain.Servicing.EarlyWarning;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Domain.Servicing.Vehicles;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// What close of business learns about a loan besides its money: the vehicle's estimated value and the loan-to-value,
/// a behavioural score from how each instalment was paid, the watch-list triggers, and the reminders due that day.
/// </summary>
public static class LoanMonitoring
{
    /// <summary>Kilometres a year assumed when the mileage was not recorded at origination.</summary>
    public const int AssumedKmPerYear = 15_000;

    /// <summary>The vehicle and customer facts from the loan's application.</summary>
    public sealed record VehicleFacts(decimal Price, int Year, bool New, bool NewEnergy, string Language);

    /// <summary>A posted payment as stored: when, and how it was split over instalments.</summary>
    public sealed record PaidAllocation(DateOnly PaidOn, string AllocationJson);

    public static void Assess(LoanRow loan, IReadOnlyList<InstallmentRow> schedule, VehicleFacts? vehicle, IReadOnlyList<PaidAllocation> payments, DateOnly businessDate)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(payments);
        var outstanding = schedule.Sum(i => i.Principal - i.PaidPrincipal);
        loan.LoanToValue = vehicle is null ? null : LoanToValue.Of(outstanding, Value(vehicle, loan.StartDate, businessDate, Currency.FromCode(loan.Currency)));
        var features = BehaviourFeatures.From(History(schedule, payments, businessDate), businessDate, loan.DaysPastDue, loan.LoanToValue);
        var score = BehaviourScorecard.Default.Score(features);
        var decision = WatchListRules.Default.Evaluate(features, score, loan.WarningScore);
        loan.WarningScore = score.Points;
        loan.OnWatchList = decision.OnWatch;
        loan.WarningReasons = decision.OnWatch ? string.Join(',', decision.Reasons) : null;
    }

    /// <summary>The vehicle's value today: new cars from the loan's start, used ones from mid-year of their model year.</summary>
    public static VehicleValueEstimate Value(VehicleFacts vehicle, DateOnly loanStart, DateOnly asOf, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        var registered = vehicle.New ? loanStart : new DateOnly(Math.Clamp(vehicle.Year, 1990, loanStart.Year), 7, 1);
        if (registered > asOf)
        {
            registered = asOf;
        }

        var mileage = (int)((asOf.DayNumber - registered.DayNumber) / 365.25 * AssumedKmPerYear);
        return VehicleValuation.Estimate(vehicle.NewEnergy ? VehicleValueClass.NewEnergy : VehicleValueClass.Conventional, vehicle.Price, registered, mileage, asOf, currency);
    }

    /// <summary>
    /// Each instalment's worst days past due: for a paid one, the days between its due date and the payment that
    /// completed it; for one unpaid, the days until the business date. Payments that touched it without completing it
    /// count as partial payments.
    /// </summary>
    public static IReadOnlyList<InstallmentRecord> History(IReadOnlyList<InstallmentRow> schedule, IReadOnlyList<PaidAllocation> payments, DateOnly businessDate)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(payments);
        var paid = new Dictionary<int, decimal>();
        var completedOn = new Dictionary<int, DateOnly>();
        var partial = new Dictionary<int, int>();
        var totals = schedule.ToDictionary(i => i.Number, i => i.Principal + i.Interest + i.Fee + i.LateFee + i.Penalty - i.WaivedLateFee - i.WaivedPenalty);
        foreach (var payment in payments.OrderBy(p => p.PaidOn))
        {
            foreach (var part in Json.Deserialize<List<InstallmentAllocation>>(payment.AllocationJson) ?? [])
            {
                paid[part.Number] = paid.GetValueOrDefault(part.Number) + part.Total;
                if (!completedOn.ContainsKey(part.Number) && totals.TryGetValue(part.Number, out var total) && paid[part.Number] >= total)
                {
                    completedOn[part.Number] = payment.PaidOn;
                }
                else if (!completedOn.ContainsKey(part.Number))
                {
                    partial[part.Number] = partial.GetValueOrDefault(part.Number) + 1;
                }
            }
        }

        return [.. schedule.Where(i => i.DueDate <= businessDate).Select(i =>
        {
            var settled = i.IsPaid ? completedOn.GetValueOrDefault(i.Number, i.DueDate) : businessDate;
            return new InstallmentRecord(i.Number, i.DueDate, Math.Max(0, settled.DayNumber - i.DueDate.DayNumber), partial.GetValueOrDefault(i.Number));
        })];
    }

    /// <summary>The reminders due on the date (before, on and after the due date), for the outbox in the customer's language.</summary>
    /// <param name="heldCredit">The credit the loan holds after the day's close, which pays what falls due first.</param>
    public static IEnumerable<Notice> Reminders(LoanRow loan, IReadOnlyList<InstallmentRow> schedule, DateOnly businessDate, decimal heldCredit)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var dues = schedule.Where(i => !i.IsPaid).Select(InstallmentBook.Due);
        foreach (var reminder in ReminderPlanner.Due(loan.Reference, dues, businessDate, ReminderRules.Default, heldCredit: heldCredit))
        {
            var notice = reminder.Kind switch
            {
                ReminderKind.BeforeDue => NoticeEvent.PaymentDueSoon,
                ReminderKind.OnDueDate => NoticeEvent.PaymentDueToday,
                _ => NoticeEvent.PaymentOverdue,
            };
            yield return new Notice(notice, loan.CustomerId, loan.Id, reminder.DeduplicationKey, new Dictionary<string, object>
            {
                ["loan"] = loan.Reference,
                ["installment"] = reminder.InstallmentNumber,
                ["amount"] = reminder.Amount,
                ["makeUp"] = MakeUp(reminder),
                ["dueDate"] = reminder.DueDate,
                ["days"] = reminder.Days,
            }) { Currency = loan.Currency };
        }
    }

    /// <summary>What a reminder's amount is made of, said only when it is more (or less) than the instalment's own figure.</summary>
    private static NoticeText MakeUp(DueReminder reminder) => (reminder.EarlierIncluded, reminder.CreditTakenOff) switch
    {
        (true, true) => new("（含此前未还的款项，已扣除账户中的余额）", " (anything unpaid from before included, the credit on your loan taken off)"),
        (true, false) => new("（含此前未还的款项）", " (anything unpaid from before included)"),
        (false, true) => new("（已扣除账户中的余额）", " (the credit on your loan taken off)"),
        _ => new(string.Empty, string.Empty),
    };

    /// <summary>
    /// A reminder of each promise to pay that falls due the next day and is not yet kept, for what is still to pay on
    /// it: a customer who paid since promising is not asked for the whole amount again.
    /// </summary>
    public static IEnumerable<Notice> PromiseReminders(LoanRow loan, IEnumerable<CollectionContactRow> promises, IEnumerable<ReceivedPayment> received, DateOnly businessDate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(promises);
        foreach (var contact in promises)
        {
            if (PromiseOnFile.Of(contact, zone) is not { } promise
                || PromiseToPayEvaluator.Evaluate(promise, received, businessDate) is not { Status: PromiseStatus.Pending, Shortfall: > 0m } open)
            {
                continue;
            }

            yield return new Notice(NoticeEvent.PromiseToPayDue, loan.CustomerId, loan.Id, contact.Id.ToString(), new Dictionary<string, object>
            {
                ["loan"] = loan.Reference,
                ["amount"] = open.Shortfall,
                ["promisedDate"] = promise.PayBy,
            }) { Currency = loan.Currency };
        }
    }
}
