namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>Whether a recorded payment is in force or was reversed (returned, bounced, posted in error, or applied again as a new posting).</summary>
public enum PostingStatus
{
    Posted,
    Reversed,
}

/// <summary>The words a posting's status is stored and shown by: <c>posted</c>, <c>reversed</c> (<see cref="Lifecycle.StateWords{TState}"/>).</summary>
public static class PostingStatusText
{
    public const string Posted = "posted";
    public const string Reversed = "reversed";

    public static string Of(PostingStatus status) => Lifecycle.StateWords<PostingStatus>.Of(status);

    public static PostingStatus Parse(string text) => Lifecycle.StateWords<PostingStatus>.Parse(text);
}
