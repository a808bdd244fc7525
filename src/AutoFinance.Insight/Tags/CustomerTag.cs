namespace AutoFinance.Insight.Tags;

/// <summary>A tag: a stable code, names in both languages and the rule that decides it.</summary>
/// <param name="Code">Stable code stored with the customer ("early-payer").</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameZh">Simplified Chinese name.</param>
/// <param name="Rule">The rule in words, as shown to staff.</param>
/// <param name="Applies">The predicate over a snapshot.</param>
public sealed record CustomerTag(string Code, string NameEn, string NameZh, string Rule, Func<CustomerSnapshot, bool> Applies);
