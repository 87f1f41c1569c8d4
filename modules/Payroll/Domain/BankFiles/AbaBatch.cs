namespace Derrimut.Payroll.Domain.BankFiles;

/// <summary>One credit in an ABA file: a net pay to an employee's account.</summary>
/// <param name="Bsb">The employee's BSB.</param>
/// <param name="Account">The employee's account number.</param>
/// <param name="AccountTitle">Account name (32 characters kept).</param>
/// <param name="AmountCents">Net pay in cents; must be greater than zero.</param>
/// <param name="LodgementReference">Shown on the employee's statement (18 characters kept), e.g. "DERRIMUT PAY 0412".</param>
internal sealed record AbaPayment(
    Bsb Bsb,
    BankAccountNumber Account,
    string AccountTitle,
    long AmountCents,
    string LodgementReference);

/// <summary>
/// Everything an ABA (Cemtex) direct entry file needs: the paying business's details for the
/// descriptive record and the trace fields, and the payments.
/// </summary>
/// <param name="FinancialInstitution">The user's bank's approved 3-letter abbreviation, e.g. "CBA", "WBC", "NAB", "ANZ".</param>
/// <param name="UserName">Name of user supplying the file, as the "user preferred specification" the bank advised (26 characters kept).</param>
/// <param name="ApcaUserId">Direct entry user identification number allocated by APCA: up to 6 digits.</param>
/// <param name="Description">Description of entries, e.g. "PAYROLL" (12 characters kept).</param>
/// <param name="ProcessingDate">The date the bank is to release the payments.</param>
/// <param name="TraceBsb">BSB of the business's account, to which a failed credit is returned.</param>
/// <param name="TraceAccount">The business's account number for returns.</param>
/// <param name="RemitterName">Name of remitter shown to employees (16 characters kept).</param>
/// <param name="Payments">The credits; at least one.</param>
/// <param name="ReelSequenceNumber">01 unless the bank says otherwise.</param>
/// <param name="IncludeBalancingDebit">
/// Some banks require a "balanced" file: a final detail record debiting the trace account with the
/// total (transaction code 13), so the file's net total is zero. Ask the gym's bank.
/// </param>
internal sealed record AbaBatch(
    string FinancialInstitution,
    string UserName,
    string ApcaUserId,
    string Description,
    DateOnly ProcessingDate,
    Bsb TraceBsb,
    BankAccountNumber TraceAccount,
    string RemitterName,
    IReadOnlyList<AbaPayment> Payments,
    int ReelSequenceNumber = 1,
    bool IncludeBalancingDebit = false);
