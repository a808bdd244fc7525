using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// Sets the loan contract on A4 pages with PDFsharp, in Chinese with English beside each heading. The wording is the
/// contract's own (a legal document in both languages), not the web pages' localised text. The answer is a
/// <see cref="PdfDocument"/> still open, so the platform's signature can be prepared in it before it is saved.
/// </summary>
public static class ContractPdfRenderer
{
    private const double Margin = 50;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static PdfDocument Render(ContractDocument c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var document = new PdfDocument();
        document.Info.Title = $"汽车贷款合同 Car loan contract {c.Reference}";
        document.Info.Author = c.LenderName;
        document.Info.CreationDate = c.AcceptedAt.UtcDateTime;
        document.Info.ModificationDate = c.AcceptedAt.UtcDateTime;
        var d = c.Disclosure;
        var page = new PageWriter(document);
        page.Title($"汽车贷款合同 Car loan contract");
        page.Line($"合同编号 Contract No.: {c.Reference}    申请编号 Application No.: {c.ApplicationReference}");
        page.Line($"签署时间 Accepted at (UTC+8): {c.AcceptedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", Numbers)}");
        page.Gap();

        page.Heading("一、合同各方 Parties");
        page.Line($"贷款人 Lender: {c.LenderName}");
        page.Line($"借款人 Borrower: {c.BorrowerName}");
        page.Line($"身份证号 National ID: {c.BorrowerNationalId}    手机 Mobile: {c.BorrowerMobile}");
        page.Line($"经销商 Dealer: {c.DealerName ?? "—（线上申请 online application）"}");
        page.Gap();

        page.Heading("二、车辆 Vehicle");
        page.Line($"车辆 Vehicle: {c.Vehicle}    车架号 VIN: {c.Vin}");
        page.Line($"车价 Price: {Money(c.VehiclePrice)}    首付 Down payment: {Money(c.DownPayment)}");
        page.Gap();

        page.Heading("三、贷款条件 Loan terms");
        page.Line($"贷款本金 Loan amount: {Money(d.LoanPrincipal)}    融资金额 Amount financed: {Money(d.AmountFinanced)}");
        page.Line($"期限 Term: {d.TermMonths} 个月 months    还款方式 Method: {MethodName(d.Method)}    起息日 Start: {Date(d.StartDate)}");
        page.Line($"名义年利率 Nominal annual rate: {Percent(d.NominalAnnualRatePercent)}{(c.Promotion is { } p ? $"    优惠 Promotion: {p}" : "")}");
        page.Line($"年化利率 APR (IRR × 12): {Percent(d.AnnualisedRates.AprPercent)}    实际年利率 Effective annual rate: {Percent(d.AnnualisedRates.EffectiveAnnualRatePercent)}    EU APRC: {Percent(d.AnnualisedRates.EuAprcPercent)}");
        page.Line($"利息总额 Total interest: {Money(d.TotalInterest)}    费用总额 Total fees: {Money(d.TotalFees)}    预付费用 Prepaid charges: {Money(d.PrepaidFinanceCharges)}");
        page.Line($"融资成本 Finance charge: {Money(d.FinanceCharge)}    还款总额 Total of payments: {Money(d.TotalOfPayments)}");
        page.Line(d.Payments.FinalAmount == d.Payments.RegularAmount
            ? $"每期还款 Regular payment: {Money(d.Payments.RegularAmount)} × {d.Payments.Count}，首期 first due {Date(d.Payments.FirstDueDate)}，末期 final due {Date(d.Payments.FinalDueDate)}"
            : $"每期还款 Regular payment: {Money(d.Payments.RegularAmount)} × {d.Payments.Count - 1}，末期 final {Money(d.Payments.FinalAmount)}；首期 first due {Date(d.Payments.FirstDueDate)}，末期 final due {Date(d.Payments.FinalDueDate)}");
        if (d.Balloon is { } balloon)
        {
            page.Line($"尾款 Balloon: {Money(balloon.Amount)} ({Percent(balloon.PercentOfPrincipal)}), 到期 due {Date(balloon.DueDate)}");
        }

        if (d.FlatFee is { } fee)
        {
            page.Line($"手续费 Flat fee: {Percent(fee.StatedRatePercent)} ({fee.Basis}, {fee.Timing}) = {Money(fee.TotalFee)}；真实年化 true APR {Percent(fee.TrueAprPercent)}");
        }

        foreach (var bundle in d.Bundles)
        {
            page.Line($"附加产品 Add-on: {bundle.Name} {Money(bundle.Price)}{(bundle.Financed ? "（计入融资 financed）" : "")}");
        }

        page.Gap();
        page.Heading("四、逾期与提前还款 Late payment and prepayment");
        page.Line($"宽限期 Grace period: {d.LateCharges.GraceDays} 天 days；逾期费 late fee {Money(d.LateCharges.FixedFee)}；罚息年利率 penalty rate {Percent(d.LateCharges.PenaltyAnnualRatePercent)}");
        page.Line(d.Prepayment.FeeWithinMonths is { } months
            ? $"提前还款 Prepayment: {months} 个月内收取剩余本金的 {Percent(d.Prepayment.FeePercent)}，此后免费 (fee within {months} months, free after)"
            : $"提前还款 Prepayment: 手续费 fee {Percent(d.Prepayment.FeePercent)}");
        if (d.Prepayment.UnearnedFlatFeeDue)
        {
            page.Line("提前还款时未摊销手续费仍须支付 The unearned flat fee stays due on prepayment");
        }

        page.Gap();
        page.Heading("五、还款计划 Repayment schedule");
        page.Row(["期 No.", "到期日 Due", "还款 Payment", "本金 Principal", "利息 Interest", "费用 Fee", "余额 Balance"], bold: true);
        foreach (var i in d.Schedule)
        {
            page.Row([i.Number.ToString(Numbers), Date(i.DueDate), Amount(i.Payment), Amount(i.Principal), Amount(i.Interest), Amount(i.Fee), Amount(i.Balance)], bold: false);
        }

        page.Gap();
        page.Heading("六、披露文件 Disclosure");
        page.Line($"借款人已阅读并接受的披露文件（版本 {c.DisclosureVersion}）SHA-256:");
        page.Line(c.DisclosureHash, monospace: true);
        page.Gap();
        page.Line("本合同由借款人以电子方式签署，并由贷款人以数字证书签章。");
        page.Line("The borrower signed this contract electronically; the lender seals it with its digital certificate.");
        page.Finish();
        return document;
    }

    private static string Money(decimal amount) => "¥" + amount.ToString("#,##0.00", Numbers);

    private static string Amount(decimal amount) => amount.ToString("#,##0.00", Numbers);

    /// <summary>A repayment method in both of the contract's languages.</summary>
    private static string MethodName(string method) => method switch
    {
        "annuity" => "等额本息 equal instalments",
        "equal-principal" => "等额本金 equal principal",
        "interest-only" => "先息后本 interest only",
        "balloon" => "弹性尾款 balloon",
        "flat-fee" => "费率型 flat fee",
        _ => method,
    };

    private static string Percent(decimal percent) => percent.ToString("0.00##", Numbers) + "%";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Numbers);

    /// <summary>Writes lines down the page and starts a new page when one is full.</summary>
    private sealed class PageWriter
    {
        private static readonly double[] Columns = [0, 45, 125, 205, 285, 355, 415];
        private readonly PdfDocument _document;
        private readonly XFont _body = Font(9.5, XFontStyleEx.Regular);
        private readonly XFont _bold = Font(9.5, XFontStyleEx.Bold);
        private readonly XFont _heading = Font(12, XFontStyleEx.Bold);
        private readonly XFont _title = Font(18, XFontStyleEx.Bold);
        private XGraphics _graphics = null!;
        private PdfPage _page = null!;
        private double _y;

        public PageWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public void Title(string text)
        {
            _graphics.DrawString(text, _title, XBrushes.Black, new XRect(Margin, _y, _page.Width.Point - (2 * Margin), 24), XStringFormats.TopCenter);
            _y += 34;
        }

        public void Heading(string text) => Draw(text, _heading, 20);

        public void Line(string text, bool monospace = false) => Draw(text, monospace ? _bold : _body, 15);

        public void Gap() => _y += 8;

        public void Finish() => _graphics.Dispose();

        public void Row(string[] cells, bool bold)
        {
            Ensure(14);
            for (var i = 0; i < cells.Length; i++)
            {
                var left = Margin + Columns[i];
                var width = (i + 1 < Columns.Length ? Columns[i + 1] : Columns[i] + 80) - Columns[i] - 6;
                var format = i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                _graphics.DrawString(cells[i], bold ? _bold : _body, XBrushes.Black, new XRect(left, _y, width, 12), format);
            }

            _y += 14;
        }

        private void Draw(string text, XFont font, double height)
        {
            Ensure(height);
            _graphics.DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y + font.Size));
            _y += height;
        }

        private void Ensure(double height)
        {
            if (_y + height > _page.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private static XFont Font(double size, XFontStyleEx style) =>
            new(ContractFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
