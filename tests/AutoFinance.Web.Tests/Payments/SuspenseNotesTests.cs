using AutoFinance.Infrastructure.Payments;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>What the platform writes on a statement line, stored in English, reads back into what a screen says in the reader's language.</summary>
public sealed class SuspenseNotesTests
{
    private static readonly Guid Intent = Guid.Parse("0193a5b2-7c1d-7e00-8000-0000000000a1");
    private static readonly Guid LoanId = Guid.Parse("0193a5b2-7c1d-7e00-8000-0000000000b2");

    [Fact]
    public void Money_a_loan_would_not_take_reads_back_the_refusals_code_and_figures_with_its_sentence()
    {
        var posted = new LoanPosting.Posted(null, "The loan is closed: it takes no payment") { Code = "loan.status.not_active", Parameters = new Dictionary<string, string> { ["status"] = "closed", ["odd key"] = "a&b=c]" } };

        var note = SuspenseNotes.NotPosted("simulator", "AF261203-8ABDBCCC", Intent, posted);
        var read = SuspenseNotes.Read(note);

        Assert.StartsWith("paid through simulator for loan AF261203-8ABDBCCC", note, StringComparison.Ordinal);
        Assert.Equal(SuspenseNotes.Kind.NotPosted, read.Kind);
        Assert.Equal(("simulator", "AF261203-8ABDBCCC", Intent.ToString()), (read.Provider, read.Loan, read.Payment));
        Assert.Equal("loan.status.not_active", read.Code);
        Assert.Equal(new Dictionary<string, string> { ["status"] = "closed", ["odd key"] = "a&b=c]" }, read.Figures);
        Assert.Equal("The loan is closed: it takes no payment", read.Text);
    }

    [Fact]
    public void A_refusal_without_a_code_and_a_note_written_before_codes_were_kept_read_back_their_sentence()
    {
        var read = SuspenseNotes.Read(SuspenseNotes.Refused(LoanId, new LoanPosting.Posted(null, "Conflict")));
        Assert.Equal((SuspenseNotes.Kind.Refused, LoanId.ToString(), (string?)null, "Conflict"), (read.Kind, read.Loan, read.Code, read.Text));

        var older = SuspenseNotes.Read($"paid through simulator for loan AF261203-8ABDBCCC (payment {Intent}) but not posted: the loan is closed");
        Assert.Equal((SuspenseNotes.Kind.NotPosted, (string?)null, "the loan is closed"), (older.Kind, older.Code, older.Text));
    }

    [Fact]
    public void A_long_refusal_is_cut_to_the_column_and_keeps_its_code()
    {
        var posted = new LoanPosting.Posted(null, new string('x', 400)) { Code = "loan.paid-off" };

        var note = SuspenseNotes.Refused(LoanId, posted);

        Assert.Equal(300, note.Length);
        Assert.Equal("loan.paid-off", SuspenseNotes.Read(note).Code);
    }

    [Theory]
    [InlineData("paid twice; refunded through the provider")]
    [InlineData("matched loan by hand")]
    [InlineData("")]
    public void A_note_staff_typed_is_read_back_as_typed(string typed)
    {
        var read = SuspenseNotes.Read(typed);

        Assert.Equal((SuspenseNotes.Kind.Typed, typed), (read.Kind, read.Text));
    }

    [Fact]
    public void A_payout_the_statement_confirmed_reads_back_its_reference()
    {
        var read = SuspenseNotes.Read(SuspenseNotes.PayoutConfirmed("PO-261203-ABCD1234"));

        Assert.Equal((SuspenseNotes.Kind.PayoutConfirmed, "PO-261203-ABCD1234"), (read.Kind, read.Payment));
    }

    [Fact]
    public void A_payout_the_statement_brought_back_reads_back_its_reference()
    {
        var read = SuspenseNotes.Read(SuspenseNotes.PayoutReturned("PO260105-000123-1"));

        Assert.Equal((SuspenseNotes.Kind.PayoutReturned, "PO260105-000123-1"), (read.Kind, read.Payment));
    }
}
