namespace AutoFinance.Infrastructure.Servicing;

/// <summary>How loans are spread over end-of-day partitions: a fixed number, stored with each loan when it is booked.</summary>
public static class CobPartitions
{
    public const int Count = 16;

    /// <summary>
    /// Loans booked one after another that share a partition (a power of two). No more than fit the room a loans page
    /// keeps for new versions (its fill factor leaves about five loans' worth): a pass updates a run's loans in one
    /// transaction, whose old versions cannot be pruned before it ends, and a longer run would overflow the page, its
    /// loans then moving to other pages with a new entry in each of the table's indexes.
    /// </summary>
    public const int Run = 4;

    /// <summary>Loans booked by this process so far, from a random start so that processes do not all begin with partition 0.</summary>
    private static uint _booked = (uint)Random.Shared.Next();

    /// <summary>
    /// The partition of the next loan booked: runs of <see cref="Run"/> loans booked in a row take the partitions in
    /// turn. A table's rows (and a loan's instalments) are stored in about the order they were booked, so a partition's
    /// pass changes a few of each page's loans and few of its instalments' pages, where a partition drawn per loan at
    /// random had every pass change nearly every page (and, after each checkpoint, copy it whole into PostgreSQL's log). Every
    /// partition gets the same share of any book of more than Count × Run loans, at any booking rate; a loan keeps the
    /// partition it was booked with.
    /// </summary>
    public static int Next() => (int)(Interlocked.Increment(ref _booked) / Run % Count);
}
