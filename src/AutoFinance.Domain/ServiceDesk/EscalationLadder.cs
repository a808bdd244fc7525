namespace AutoFinance.Domain.ServiceDesk;

/// <summary>One rung: from this much overdue time (as a share of the target's duration) the case goes to this level.</summary>
/// <param name="OverdueShare">Overdue business time over the target's business time (0 = at breach, 0.5 = half the target again).</param>
/// <param name="Level">The escalation level (1 and up).</param>
/// <param name="EscalateTo">Who is told ("team lead").</param>
public sealed record EscalationStep(double OverdueShare, int Level, string EscalateTo);

/// <summary>Escalation levels of a breached, still running timer.</summary>
/// <remarks>Rule: level 0 while not breached; once breached, the highest step whose <see cref="EscalationStep.OverdueShare"/>
/// is at most overdue / target. Breach itself is overdue &gt; 0 (a response exactly at the due instant is on time).</remarks>
public sealed record EscalationLadder(IReadOnlyList<EscalationStep> Steps)
{
    /// <summary>Team lead at breach, service manager at half the target overdue, head of service at the whole target overdue.</summary>
    public static EscalationLadder Default { get; } = new(
    [
        new(0.0, 1, "team lead"),
        new(0.5, 2, "service manager"),
        new(1.0, 3, "head of service"),
    ]);

    /// <summary>The step reached, or null when not breached.</summary>
    public EscalationStep? StepFor(TimeSpan overdue, TimeSpan target)
    {
        if (overdue <= TimeSpan.Zero)
        {
            return null;
        }

        var share = target <= TimeSpan.Zero ? double.PositiveInfinity : overdue / target;
        return Steps.Where(s => s.OverdueShare <= share).OrderByDescending(s => s.OverdueShare).FirstOrDefault();
    }
}
