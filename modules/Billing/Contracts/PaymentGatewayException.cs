namespace Derrimut.Billing.Contracts;

/// <summary>What kind of failure a <see cref="PaymentGatewayException"/> is.</summary>
public enum PaymentGatewayFailure
{
    /// <summary>The card or bank declined.</summary>
    Declined = 1,

    /// <summary>The gateway rejected the request as invalid (a bug or a state the gateway refuses, e.g. refunding twice).</summary>
    Rejected = 2,

    /// <summary>The gateway could not be reached or failed; trying again later may work.</summary>
    Unavailable = 3,

    /// <summary>The gym's keys are missing or wrong.</summary>
    Misconfigured = 4,
}

/// <summary>The payment gateway refused or failed a request. The message is safe to log; it never holds a key.</summary>
public sealed class PaymentGatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What kind of failure.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="code">The gateway's error code, e.g. <c>card_declined</c>.</param>
    /// <param name="innerException">The gateway client's exception.</param>
    public PaymentGatewayException(PaymentGatewayFailure failure, string message, string? code = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Code = code;
    }

    /// <summary>What kind of failure.</summary>
    public PaymentGatewayFailure Failure { get; }

    /// <summary>The gateway's error code, when it gave one.</summary>
    public string? Code { get; }

    /// <summary>True when retrying later may succeed.</summary>
    public bool IsTransient => Failure == PaymentGatewayFailure.Unavailable;
}
