using System.Text;

namespace Derrimut.Payroll.Domain.BankFiles;

/// <summary>
/// Writes an ABA / Cemtex direct entry file (Australian Bankers' Association / APCA BECS format):
/// a descriptive record (type 0), one detail record (type 1) per payment, and a file total record
/// (type 7). Every record is exactly 120 characters; records are joined with CRLF.
/// Text fields are folded to ASCII (accents dropped: "Zoë" → "Zoe"; any other character outside
/// printable ASCII becomes a space), trimmed, truncated to the field and blank-filled on the right.
/// </summary>
internal static class AbaFileWriter
{
    public const int RecordLength = 120;
    public const string RecordSeparator = "\r\n";

    /// <summary>Credit: "Pay" (BECS transaction code 53).</summary>
    public const string PayTransactionCode = "53";

    /// <summary>Debit (BECS transaction code 13), used by the optional balancing record.</summary>
    public const string DebitTransactionCode = "13";

    private const long MaximumAmountCents = 9_999_999_999; // 10 digits
    private const int MaximumDetailRecords = 999_999; // 6 digits

    /// <exception cref="InvalidBankDetailsException">A field a bank would reject, with the field named.</exception>
    public static string Write(AbaBatch batch) => string.Join(RecordSeparator, Records(batch));

    /// <summary>The records, in file order, without line endings.</summary>
    /// <exception cref="InvalidBankDetailsException">A field a bank would reject, with the field named.</exception>
    public static IReadOnlyList<string> Records(AbaBatch batch)
    {
        if (batch.Payments.Count == 0)
        {
            throw new InvalidBankDetailsException("payments", "An ABA file needs at least one payment.");
        }

        var details = new List<string>(batch.Payments.Count + 1);
        long creditTotal = 0;
        for (var i = 0; i < batch.Payments.Count; i++)
        {
            var payment = batch.Payments[i];
            var field = $"payments[{i}]";
            if (payment.AmountCents is <= 0 or > MaximumAmountCents)
            {
                throw new InvalidBankDetailsException($"{field}.amountCents", $"Payment {i + 1} amount must be between 1 cent and $99,999,999.99; got {payment.AmountCents} cents.");
            }

            creditTotal = checked(creditTotal + payment.AmountCents);
            details.Add(DetailRecord(
                payment.Bsb,
                payment.Account,
                PayTransactionCode,
                payment.AmountCents,
                Text(payment.AccountTitle, 32, $"{field}.accountTitle", required: true),
                Text(payment.LodgementReference, 18, $"{field}.lodgementReference", required: false),
                batch));
        }

        long debitTotal = 0;
        if (batch.IncludeBalancingDebit)
        {
            debitTotal = creditTotal;
            details.Add(DetailRecord(
                batch.TraceBsb,
                batch.TraceAccount,
                DebitTransactionCode,
                debitTotal,
                Text(batch.UserName, 32, "userName", required: true),
                Text(batch.Description, 18, "description", required: true),
                batch));
        }

        if (creditTotal > MaximumAmountCents)
        {
            throw new InvalidBankDetailsException("payments", $"The file's credit total {creditTotal} cents exceeds the 10 digits an ABA file can carry; split the payments over several files.");
        }

        if (details.Count > MaximumDetailRecords)
        {
            throw new InvalidBankDetailsException("payments", $"An ABA file carries at most {MaximumDetailRecords} detail records.");
        }

        return [DescriptiveRecord(batch), .. details, FileTotalRecord(creditTotal, debitTotal, details.Count)];
    }

    private static string DescriptiveRecord(AbaBatch batch)
    {
        if (batch.ReelSequenceNumber is < 1 or > 99)
        {
            throw new InvalidBankDetailsException("reelSequenceNumber", $"The reel sequence number is 1 to 99; got {batch.ReelSequenceNumber}.");
        }

        var institution = (batch.FinancialInstitution ?? string.Empty).Trim().ToUpperInvariant();
        if (institution.Length != 3 || !institution.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidBankDetailsException("financialInstitution", $"The financial institution is the bank's 3-letter abbreviation (e.g. CBA, WBC, NAB, ANZ); got \"{batch.FinancialInstitution}\".");
        }

        var apcaUserId = (batch.ApcaUserId ?? string.Empty).Trim();
        if (apcaUserId.Length is < 1 or > 6 || !apcaUserId.All(char.IsAsciiDigit))
        {
            throw new InvalidBankDetailsException("apcaUserId", $"The APCA user identification number is 1 to 6 digits; got \"{batch.ApcaUserId}\".");
        }

        var record = new StringBuilder(RecordLength)
            .Append('0')                                                       // 1: record type
            .Append(' ', 17)                                                   // 2-18: blank
            .Append(batch.ReelSequenceNumber.ToString("00", CultureInfo.InvariantCulture)) // 19-20: reel sequence number
            .Append(institution)                                               // 21-23: user's financial institution
            .Append(' ', 7)                                                    // 24-30: blank
            .Append(Text(batch.UserName, 26, "userName", required: true))      // 31-56: user preferred specification
            .Append(apcaUserId.PadLeft(6, '0'))                                // 57-62: APCA user id, zero-filled
            .Append(Text(batch.Description, 12, "description", required: true)) // 63-74: description of entries
            .Append(batch.ProcessingDate.ToString("ddMMyy", CultureInfo.InvariantCulture)) // 75-80: date to be processed
            .Append(' ', 40);                                                  // 81-120: blank
        return Checked(record);
    }

    private static string DetailRecord(
        Bsb bsb,
        BankAccountNumber account,
        string transactionCode,
        long amountCents,
        string accountTitle,
        string lodgementReference,
        AbaBatch batch)
    {
        var record = new StringBuilder(RecordLength)
            .Append('1')                                                       // 1: record type
            .Append(bsb.ToString())                                            // 2-8: BSB NNN-NNN
            .Append(account.Digits.PadLeft(9, ' '))                            // 9-17: account, right-justified, blank-filled
            .Append(' ')                                                       // 18: indicator (blank: no withholding tax, no change)
            .Append(transactionCode)                                           // 19-20: transaction code
            .Append(Amount(amountCents))                                       // 21-30: amount in cents
            .Append(accountTitle)                                              // 31-62: title of account
            .Append(lodgementReference)                                        // 63-80: lodgement reference
            .Append(batch.TraceBsb.ToString())                                 // 81-87: trace BSB
            .Append(batch.TraceAccount.Digits.PadLeft(9, ' '))                 // 88-96: trace account
            .Append(Text(batch.RemitterName, 16, "remitterName", required: true)) // 97-112: name of remitter
            .Append('0', 8);                                                   // 113-120: withholding tax amount: none
        return Checked(record);
    }

    private static string FileTotalRecord(long creditTotal, long debitTotal, int detailCount)
    {
        var record = new StringBuilder(RecordLength)
            .Append('7')                                                       // 1: record type
            .Append("999-999")                                                 // 2-8: BSB filler
            .Append(' ', 12)                                                   // 9-20: blank
            .Append(Amount(Math.Abs(creditTotal - debitTotal)))                // 21-30: net total
            .Append(Amount(creditTotal))                                       // 31-40: credit total
            .Append(Amount(debitTotal))                                        // 41-50: debit total
            .Append(' ', 24)                                                   // 51-74: blank
            .Append(detailCount.ToString("000000", CultureInfo.InvariantCulture)) // 75-80: count of type 1 records
            .Append(' ', 40);                                                  // 81-120: blank
        return Checked(record);
    }

    private static string Amount(long cents) => cents.ToString("0000000000", CultureInfo.InvariantCulture);

    /// <summary>Folds to printable ASCII, trims, truncates to <paramref name="width"/> and blank-fills on the right.</summary>
    internal static string Text(string? value, int width, string field, bool required)
    {
        var folded = new StringBuilder();
        foreach (var c in (value ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        var text = folded.ToString().Trim();
        if (required && text.Length == 0)
        {
            throw new InvalidBankDetailsException(field, $"The {field} field of an ABA file must not be blank.");
        }

        return (text.Length > width ? text[..width] : text).PadRight(width, ' ');
    }

    private static string Checked(StringBuilder record) =>
        record.Length == RecordLength
            ? record.ToString()
            : throw new InvalidOperationException($"An ABA record must be {RecordLength} characters; this one is {record.Length}. This is a defect in the writer.");
}
