using AutoFinance.Application.Payments;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// Instructions whose answer was lost (payouts, debits), sent again one after another under their own references. A
/// round ends once three in a row go unanswered again: the provider is taken to be down, each request may wait out the
/// client's whole timeout, and the next round asks again.
/// </summary>
public static class ResendRound
{
    /// <summary>Payouts or debits looked at in one round, oldest first.</summary>
    public const int Batch = 500;

    private const int UnansweredInARow = 3;

    public sealed record Tally(int Taken, int Unanswered, int Failed);

    public static async Task<Tally> SendAsync<T>(IReadOnlyList<T> waiting, Func<T, Task<InstructionOutcome>> send)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(send);
        int taken = 0, unanswered = 0, failed = 0, inARow = 0;
        foreach (var instruction in waiting)
        {
            if (inARow == UnansweredInARow)
            {
                unanswered += waiting.Count - taken - unanswered - failed;
                break;
            }

            switch (await send(instruction).ConfigureAwait(false))
            {
                case InstructionOutcome.Taken:
                    taken++;
                    inARow = 0;
                    break;
                case InstructionOutcome.Unanswered:
                    unanswered++;
                    inARow++;
                    break;
                default:
                    failed++;
                    inARow = 0;
                    break;
            }
        }

        return new Tally(taken, unanswered, failed);
    }
}
