namespace Derrimut.BuildingBlocks.Errors;

/// <summary>Input broke a rule; answered with 400 and the failing fields.</summary>
public sealed class ValidationException : Exception
{
    /// <summary>Creates the exception from field errors.</summary>
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid: " + string.Join(", ", errors.Keys))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one field.</summary>
    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Messages per field (JSON names, camelCase, dotted for nested fields).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The thing asked for does not exist or is not visible to the caller; answered with 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the current state (a duplicate, a second live membership…); answered with 409.</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    /// <summary>The field that conflicts, when there is one.</summary>
    public string? Field { get; } = field;
}

/// <summary>
/// The same change is still being made by an earlier request (a double click, or a retry that overtook its original):
/// answered with 409 "in flight" and a <c>Retry-After</c>, like a repeated Idempotency-Key, so a careful client asks
/// again shortly and then gets the finished answer.
/// </summary>
/// <param name="message">What the person reads.</param>
/// <param name="field">The field the change is about, when there is one.</param>
/// <param name="retryAfterSeconds">When to ask again.</param>
public sealed class StillInProgressException(string message, string? field, int retryAfterSeconds) : Exception(message)
{
    /// <summary>The field the change is about, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>When to ask again, in seconds (at least 1).</summary>
    public int RetryAfterSeconds { get; } = Math.Max(1, retryAfterSeconds);
}

/// <summary>The caller may not do this here; answered with 403.</summary>
/// <param name="message">What the person reads.</param>
/// <param name="problemType">A more precise problem type than "forbidden" (e.g. two-factor or step-up required), or null.</param>
public sealed class ForbiddenException(string message, string? problemType = null) : Exception(message)
{
    /// <summary>The problem type the answer carries; null for the plain "forbidden".</summary>
    public string? ProblemType { get; } = problemType;
}

/// <summary>
/// A write tried to create, move or change a row owned by another tenant (or an owned row in platform scope).
/// This is a programming error caught by the data layer before it reaches the database; answered with 403.
/// </summary>
public sealed class TenantOwnershipException(string message) : Exception(message);
