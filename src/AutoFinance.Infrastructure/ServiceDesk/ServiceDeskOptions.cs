using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// The service desk's settings: the business calendar its SLA timers run on (China: UTC+8, 09:00–18:00, weekends off,
/// public holidays and make-up working days as configured) and how often the escalation check runs.
/// </summary>
public sealed record ServiceDeskOptions
{
    /// <summary>Public holidays (no business time), as configured per year.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Weekend days that are worked (China's make-up days).</summary>
    public IReadOnlyList<DateOnly> MakeUpWorkingDays { get; init; } = [];

    /// <summary>Seconds between runs of the background escalation check; 0 switches the background run off.</summary>
    public int EscalationCheckSeconds { get; init; } = 60;

    /// <summary>The standard SLA targets on the configured calendar, with the default escalation ladder.</summary>
    public SlaPolicy Policy() => SlaPolicy.Standard(BusinessCalendar.China(Holidays, MakeUpWorkingDays));
}
