namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>One account given to one collector.</summary>
public sealed record CollectorAssignment(string LoanId, string Collector, int Rank);
