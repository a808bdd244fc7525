namespace AutoFinance.Domain.Bureau;

/// <summary>
/// A personal credit report in the layout of the PBoC second-generation report (征信报告), as published in
/// <c>docs/schemas/credit-report.schema.json</c>: identity; summary; credit accounts (loans and cards) with their
/// 24-month repayment status; inquiries by reason and date; public records.
/// </summary>
public sealed record CreditReport
{
    public required string ReportId { get; init; }

    /// <summary>The day the bureau produced the report (Asia/Shanghai).</summary>
    public required DateOnly ReportDate { get; init; }

    public required ReportIdentity Identity { get; init; }

    public required ReportSummary Summary { get; init; }

    public IReadOnlyList<CreditAccount> Accounts { get; init; } = [];

    public IReadOnlyList<CreditInquiry> Inquiries { get; init; } = [];

    public IReadOnlyList<PublicRecord> PublicRecords { get; init; } = [];
}

public sealed record ReportIdentity
{
    public required string Name { get; init; }

    public required string NationalId { get; init; }

    public string? Mobile { get; init; }

    public string? Employer { get; init; }

    public string? Address { get; init; }
}

/// <summary>The report's own summary (信息概要), as the bureau counts it.</summary>
public sealed record ReportSummary
{
    public int LoanAccounts { get; init; }

    public int CardAccounts { get; init; }

    public int AccountsEverOverdue { get; init; }

    /// <summary>The month of the first credit account (首笔业务发放月份), yyyy-MM, or null for a report without accounts.</summary>
    public string? FirstAccountMonth { get; init; }
}

/// <summary>
/// One credit account (借贷账户): a loan (<see cref="AccountKind.Loan"/>) with its amount and scheduled payment, or a
/// credit card (<see cref="AccountKind.Revolving"/>) with its limit and balance used.
/// </summary>
public sealed record CreditAccount
{
    public required string AccountId { get; init; }

    public required AccountKind Kind { get; init; }

    /// <summary>auto, mortgage, consumer, business or card.</summary>
    public required string Purpose { get; init; }

    public required string Institution { get; init; }

    public required DateOnly OpenedOn { get; init; }

    /// <summary>The amount lent (a loan) or the credit limit (a card).</summary>
    public required decimal Amount { get; init; }

    public required decimal Balance { get; init; }

    public required AccountStatus Status { get; init; }

    /// <summary>The scheduled monthly payment of a loan (本月应还款); for a card, the minimum payment due.</summary>
    public decimal ScheduledPayment { get; init; }

    /// <summary>The last month the repayment status covers (the report's "截至" month), as its first day.</summary>
    public required DateOnly StatusMonth { get; init; }

    /// <summary>
    /// The last 24 months, oldest first, one character each (近24个月还款状态): <c>N</c> paid as agreed; <c>1</c>–<c>7</c>
    /// overdue by that many periods (1 = 1–30 days, 2 = 31–60, 3 = 61–90, 4 = 91–120, 5 = 121–150, 6 = 151–180,
    /// 7 = over 180); <c>C</c> closed; <c>G</c> ended otherwise (written off, transferred); <c>D</c> repaid by a
    /// guarantor; <c>Z</c> repaid from collateral; <c>*</c> no payment due; <c>#</c> unknown; <c>/</c> not yet open.
    /// </summary>
    public required string RepaymentStatus24 { get; init; }
}

public enum AccountKind
{
    Loan,
    Revolving,
}

public enum AccountStatus
{
    Active,
    Closed,
    WrittenOff,
}

/// <summary>One inquiry (查询记录): when, by whom and why.</summary>
public sealed record CreditInquiry
{
    public required DateOnly Date { get; init; }

    public required InquiryReason Reason { get; init; }

    public required string Institution { get; init; }
}

public enum InquiryReason
{
    /// <summary>贷款审批.</summary>
    LoanApproval,

    /// <summary>信用卡审批.</summary>
    CardApproval,

    /// <summary>担保资格审查.</summary>
    GuaranteeCheck,

    /// <summary>贷后管理.</summary>
    PostLoanManagement,

    /// <summary>本人查询.</summary>
    SelfQuery,
}

/// <summary>A public record (公共信息明细): a civil judgment, an enforcement, tax arrears or an administrative penalty.</summary>
public sealed record PublicRecord
{
    /// <summary>civil-judgment, enforcement, tax-arrears or administrative-penalty.</summary>
    public required string Kind { get; init; }

    public required DateOnly Date { get; init; }

    public decimal Amount { get; init; }

    /// <summary>open or settled.</summary>
    public required string Status { get; init; }
}
