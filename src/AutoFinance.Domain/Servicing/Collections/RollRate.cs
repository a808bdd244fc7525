namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>The probability that an account in bucket <see cref="From"/> is in <see cref="To"/> a month later (a bucket name or <see cref="RollRateMatrix.ChargedOff"/>).</summary>
public sealed record RollRate(string From, string To, decimal Probability);
