namespace AutoFinance.Web.Components.Localization;

/// <summary>The product pages' strings: products with versions, the change form, promotions and their problems.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithProducts(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in ProductEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static IEnumerable<(string Key, string Zh, string En)> ProductEntries() =>
    [
        ("nav.products", "产品管理", "Products"),
        ("products.title", "产品管理", "Products"),
        ("products.lead", "每次变更产品条款都会生成一个新版本；报价和贷款保留其订立时的版本，已发放的贷款仍按原条款服务。变更须由另一位经理或管理员批准后生效。", "Every change of a product's terms makes a new version; offers and loans keep the version they were made under, so a loan already made is serviced by its own terms. A change takes effect when another manager or admin approves it."),
        ("products.none", "还没有产品。", "No products yet."),
        ("products.code", "产品代码", "Code"),
        ("products.name", "名称", "Name"),
        ("products.version", "当前版本", "Current version"),
        ("products.since", "生效时间", "In effect since"),
        ("products.promotions", "优惠活动", "Promotions"),
        ("products.active", "在售", "On sale"),
        ("products.retired", "已停售", "Retired"),
        ("products.current", "当前条款", "Current terms"),
        ("products.history", "版本历史", "Version history"),
        ("products.v", "版本", "Version"),
        ("products.proposed-by", "提出人", "Proposed by"),
        ("products.approved-by", "批准人", "Approved by"),
        ("products.why", "变更原因", "Why"),
        ("products.pending", "有一项变更正在等待审批。", "A change is waiting for approval."),
        ("products.pending-link", "查看待审批", "See the approvals"),
        ("products.proposed", "变更已提交，另一位经理或管理员批准后将成为新版本。", "The change was proposed: it becomes the next version when another manager or admin approves it."),
        ("products.edit", "提出变更", "Propose a change"),
        ("products.edit-lead", "修改下列任意条款并说明原因；未修改的部分保持不变。利率和比例按百分比填写。", "Change any of the terms below and say why; what you leave as it is stays. Rates and ratios are in percent."),
        ("products.rate-card", "按等级的年利率（%）", "Annual rate by grade (%)"),
        ("products.grade", "等级", "Grade"),
        ("products.grade-hint", "留空则不向该等级报价", "leave empty to offer nothing to the grade"),
        ("products.limits", "政策限额", "Policy limits"),
        ("products.min-loan", "最低贷款金额", "Smallest loan"),
        ("products.max-loan", "最高贷款金额", "Largest loan"),
        ("products.max-term-new", "新车最长期限（月）", "Longest term, new car (months)"),
        ("products.max-term-used", "二手车最长期限（月）", "Longest term, used car (months)"),
        ("products.terms", "可选期限（月，逗号分隔）", "Terms sold (months, comma-separated)"),
        ("products.ltv-new", "新车（燃油）贷款价值比上限 %", "LTV cap, new conventional %"),
        ("products.ltv-nev", "新能源车贷款价值比上限 %", "LTV cap, new-energy %"),
        ("products.ltv-used", "二手车贷款价值比上限 %", "LTV cap, used %"),
        ("products.pti", "月供收入比上限 %", "Payment-to-income cap %"),
        ("products.dti", "负债收入比上限 %", "Debt-to-income cap %"),
        ("products.min-age", "最低年龄", "Youngest age"),
        ("products.max-age", "到期时最高年龄", "Oldest age at maturity"),
        ("products.late", "逾期费用", "Late charges"),
        ("products.grace", "宽限天数", "Days of grace"),
        ("products.late-fee", "每期逾期费（元）", "Late fee per instalment (¥)"),
        ("products.penalty", "罚息倍数（相对合同利率）", "Penalty rate (× contract rate)"),
        ("products.min-penalty", "最低罚息年利率 %", "Lowest penalty rate %"),
        ("products.prepay", "提前还款手续费", "Prepayment fee"),
        ("products.prepay-fee", "手续费（提前还本金额的 %）", "Fee (% of principal repaid early)"),
        ("products.prepay-within", "在放款后多少个月内收取（留空为一直收取）", "Charged within months of payout (empty: always)"),
        ("products.allocation", "还款冲抵顺序", "Order a payment settles"),
        ("products.allocation-n", "第 {0} 位", "Position {0}"),
        ("products.documents", "必交材料", "Required documents"),
        ("products.promo-remove", "删除此优惠", "Remove this promotion"),
        ("products.promo-add", "新增优惠", "Add a promotion"),
        ("products.promo-code", "优惠代码", "Promotion code"),
        ("products.promo-name", "客户看到的名称", "Name customers see"),
        ("products.promo-discount", "在标准利率上优惠（百分点）", "Discount off the card rate (points)"),
        ("products.promo-rate", "或固定年利率 %", "or a fixed annual rate %"),
        ("products.promo-waives-fee", "免提前还款手续费", "No prepayment fee"),
        ("products.promo-makes", "适用品牌（逗号分隔，留空为全部）", "Makes (comma-separated, empty for all)"),
        ("products.promo-models", "适用车型（逗号分隔，留空为全部）", "Models (comma-separated, empty for all)"),
        ("products.promo-terms", "适用期限（月，逗号分隔，留空为全部）", "Terms (months, comma-separated, empty for all)"),
        ("products.promo-max-term", "最长期限（月）", "Longest term (months)"),
        ("products.promo-from", "开始日期", "First day"),
        ("products.promo-to", "结束日期", "Last day"),
        ("products.reason", "变更原因（必填）", "Why (required)"),
        ("products.submit", "提交审批", "Propose for approval"),
        ("products.no-change", "没有修改任何条款。", "Nothing was changed."),
        ("due.fee", "费用", "Fees"),
        ("due.penalty-interest", "罚息", "Penalty interest"),
        ("due.interest", "利息", "Interest"),
        ("due.principal", "本金", "Principal"),
        ("approvals.action.product.change", "变更产品条款", "Change a product's terms"),
        ("err.product.grade-unknown", "等级须为 A 至 G", "A grade is a letter from A to G"),
        ("err.product.no-grades", "至少为一个等级定价", "Price at least one grade"),
        ("err.product.allocation-order", "费用、罚息、利息、本金须各出现一次", "Name fees, penalty interest, interest and principal once each"),
        ("err.product.documents-repeated", "同一材料不能重复", "A document is named twice"),
        ("err.product.promotion-code-repeated", "两项优惠的代码相同", "Two promotions have the same code"),
        ("err.product.promotion-rate", "请填写优惠幅度或固定利率（二选一），或免提前还款手续费", "Give a discount or a fixed rate (one of them), or waive the prepayment fee"),
        ("err.product.promotion-dates", "结束日期不能早于开始日期 {validFrom}", "The last day must not be before the first day, {validFrom}"),
        ("err.product.policy-inconsistent", "与其他限额矛盾（如最高金额须高于最低金额）", "Contradicts another limit (a maximum must be above its minimum)"),
    ];
}
