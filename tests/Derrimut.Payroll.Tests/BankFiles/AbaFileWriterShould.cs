using Derrimut.Payroll.Domain.BankFiles;

namespace Derrimut.Payroll.Tests.BankFiles;

public sealed class AbaFileWriterShould
{
    private static AbaBatch Batch(bool balanced = false, params AbaPayment[] payments) => new(
        FinancialInstitution: "cba",
        UserName: "Derrimut Werribee Pty Ltd",
        ApcaUserId: "1234",
        Description: "Payroll",
        ProcessingDate: new DateOnly(2026, 11, 27),
        TraceBsb: Bsb.Parse("063019"),
        TraceAccount: BankAccountNumber.Parse("987654321"),
        RemitterName: "Derrimut Werribee",
        Payments: payments.Length > 0 ? payments : TwoPayments,
        IncludeBalancingDebit: balanced);

    private static readonly AbaPayment[] TwoPayments =
    [
        new(Bsb.Parse("062-000"), BankAccountNumber.Parse("12345678"), "Jordan Smith", 123_456, "Derrimut pay 2611"),
        new(Bsb.Parse("733000"), BankAccountNumber.Parse("01234"), "Zoë Ng-Papadopoulos Kowalczyk-Whitmore", 98_765_432, "Derrimut pay 2611"),
    ];

    /// <summary>The field at 1-based inclusive positions, as the ABA specification numbers them.</summary>
    private static string At(string record, int from, int to) => record[(from - 1)..to];

    [Fact]
    public void WriteTheDescriptiveRecordFieldByField()
    {
        var record = AbaFileWriter.Records(Batch())[0];

        record.Length.ShouldBe(120);
        At(record, 1, 1).ShouldBe("0");
        At(record, 2, 18).ShouldBe(new string(' ', 17));
        At(record, 19, 20).ShouldBe("01");
        At(record, 21, 23).ShouldBe("CBA");
        At(record, 24, 30).ShouldBe(new string(' ', 7));
        At(record, 31, 56).ShouldBe("Derrimut Werribee Pty Ltd ");
        At(record, 57, 62).ShouldBe("001234");
        At(record, 63, 74).ShouldBe("Payroll     ");
        At(record, 75, 80).ShouldBe("271126");
        At(record, 81, 120).ShouldBe(new string(' ', 40));
    }

    [Fact]
    public void WriteTheFirstDetailRecordFieldByField()
    {
        var record = AbaFileWriter.Records(Batch())[1];

        record.Length.ShouldBe(120);
        At(record, 1, 1).ShouldBe("1");
        At(record, 2, 8).ShouldBe("062-000");
        At(record, 9, 17).ShouldBe(" 12345678");
        At(record, 18, 18).ShouldBe(" ");
        At(record, 19, 20).ShouldBe("53");
        At(record, 21, 30).ShouldBe("0000123456");
        At(record, 31, 62).ShouldBe("Jordan Smith".PadRight(32));
        At(record, 63, 80).ShouldBe("Derrimut pay 2611 ");
        At(record, 81, 87).ShouldBe("063-019");
        At(record, 88, 96).ShouldBe("987654321");
        At(record, 97, 112).ShouldBe("Derrimut Werribe"); // 17 characters cut to 16
        At(record, 113, 120).ShouldBe("00000000");
    }

    [Fact]
    public void WriteTheSecondDetailRecordFieldByField()
    {
        var record = AbaFileWriter.Records(Batch())[2];

        record.Length.ShouldBe(120);
        At(record, 1, 1).ShouldBe("1");
        At(record, 2, 8).ShouldBe("733-000");
        At(record, 9, 17).ShouldBe("    01234"); // right-justified, blank-filled, leading zero kept
        At(record, 18, 18).ShouldBe(" ");
        At(record, 19, 20).ShouldBe("53");
        At(record, 21, 30).ShouldBe("0098765432");
        At(record, 31, 62).ShouldBe("Zoe Ng-Papadopoulos Kowalczyk-Wh"); // accent folded, cut to 32
        At(record, 63, 80).ShouldBe("Derrimut pay 2611 ");
        At(record, 81, 87).ShouldBe("063-019");
        At(record, 88, 96).ShouldBe("987654321");
        At(record, 97, 112).ShouldBe("Derrimut Werribe");
        At(record, 113, 120).ShouldBe("00000000");
    }

    [Fact]
    public void WriteTheFileTotalRecordFieldByField()
    {
        var record = AbaFileWriter.Records(Batch())[3];

        record.Length.ShouldBe(120);
        At(record, 1, 1).ShouldBe("7");
        At(record, 2, 8).ShouldBe("999-999");
        At(record, 9, 20).ShouldBe(new string(' ', 12));
        At(record, 21, 30).ShouldBe("0098888888"); // net: 123,456 + 98,765,432 cents
        At(record, 31, 40).ShouldBe("0098888888"); // credits
        At(record, 41, 50).ShouldBe("0000000000"); // debits
        At(record, 51, 74).ShouldBe(new string(' ', 24));
        At(record, 75, 80).ShouldBe("000002");
        At(record, 81, 120).ShouldBe(new string(' ', 40));
    }

    [Fact]
    public void JoinTheRecordsWithCrLf()
    {
        var file = AbaFileWriter.Write(Batch());

        var records = file.Split("\r\n");
        records.Length.ShouldBe(4);
        records.ShouldAllBe(record => record.Length == 120);
        records.Select(r => r[0]).ShouldBe(['0', '1', '1', '7']);
        file.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        file.ShouldAllBe(c => c == '\r' || c == '\n' || (c >= ' ' && c <= '~'));
    }

    [Fact]
    public void BalanceTheFileWithADebitToTheTraceAccountWhenAsked()
    {
        var records = AbaFileWriter.Records(Batch(balanced: true));

        records.Count.ShouldBe(5);
        var debit = records[3];
        At(debit, 1, 1).ShouldBe("1");
        At(debit, 2, 8).ShouldBe("063-019");
        At(debit, 9, 17).ShouldBe("987654321");
        At(debit, 19, 20).ShouldBe("13");
        At(debit, 21, 30).ShouldBe("0098888888");
        At(debit, 31, 62).ShouldBe("Derrimut Werribee Pty Ltd".PadRight(32));
        At(debit, 63, 80).ShouldBe("Payroll".PadRight(18));
        At(debit, 81, 87).ShouldBe("063-019");
        At(debit, 88, 96).ShouldBe("987654321");

        var total = records[4];
        At(total, 21, 30).ShouldBe("0000000000");
        At(total, 31, 40).ShouldBe("0098888888");
        At(total, 41, 50).ShouldBe("0098888888");
        At(total, 75, 80).ShouldBe("000003");
    }

    [Fact]
    public void RefuseAFileWithNoPayments()
    {
        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch() with { Payments = [] })).Field.ShouldBe("payments");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_000_000)]
    public void RefuseAPaymentAmountABankWouldReject(long cents)
    {
        var payment = TwoPayments[0] with { AmountCents = cents };

        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch(false, payment))).Field.ShouldBe("payments[0].amountCents");
    }

    [Fact]
    public void RefuseACreditTotalBeyondTenDigits()
    {
        var big = TwoPayments[0] with { AmountCents = 6_000_000_000 };

        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch(false, big, big))).Field.ShouldBe("payments");
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("12a4")]
    [InlineData("")]
    public void RefuseAnApcaUserIdThatIsNotOneToSixDigits(string apcaUserId)
    {
        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch() with { ApcaUserId = apcaUserId })).Field.ShouldBe("apcaUserId");
    }

    [Theory]
    [InlineData("CB")]
    [InlineData("CBA1")]
    [InlineData("C8A")]
    public void RefuseAFinancialInstitutionThatIsNotThreeLetters(string institution)
    {
        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch() with { FinancialInstitution = institution })).Field.ShouldBe("financialInstitution");
    }

    [Fact]
    public void RefuseABlankAccountTitle()
    {
        var payment = TwoPayments[0] with { AccountTitle = "   " };

        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch(false, payment))).Field.ShouldBe("payments[0].accountTitle");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void RefuseAReelSequenceNumberOutside1To99(int reel)
    {
        Should.Throw<InvalidBankDetailsException>(() => AbaFileWriter.Write(Batch() with { ReelSequenceNumber = reel })).Field.ShouldBe("reelSequenceNumber");
    }

    [Theory]
    [InlineData("Zoë", "Zoe  ")]
    [InlineData("  José  ", "Jose ")]
    [InlineData("李明", "     ")] // no ASCII equivalent: blanks (and refused where the field is required)
    [InlineData("O'Brien & Co", "O'Bri")]
    public void FoldTextToPrintableAscii(string input, string expected)
    {
        AbaFileWriter.Text(input, 5, "test", required: false).ShouldBe(expected);
    }
}
