namespace Derrimut.Payroll.Domain.BankFiles;

/// <summary>A BSB, account number or ABA file field that a bank would reject, with the field named.</summary>
internal sealed class InvalidBankDetailsException : Exception
{
    public InvalidBankDetailsException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
