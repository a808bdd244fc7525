namespace AutoFinance.Application.Servicing.GrantHardship;

/// <summary>A hardship plan asked for: its kind, the instalments a holiday skips or the months of an extension or re-amortisation, and why.</summary>
public sealed record GrantHardshipRequest(string? Kind, int? Installments, int? Months, string? Reason);
