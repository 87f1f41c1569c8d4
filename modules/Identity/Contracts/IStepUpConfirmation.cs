using System.Security.Claims;

namespace Derrimut.Identity.Contracts;

/// <summary>The password, or a current code from the authenticator app (one of the two).</summary>
/// <param name="Password">The person's password.</param>
/// <param name="Code">A 6-digit code from their authenticator app (only when 2FA is on).</param>
public sealed record StepUpRequest(string? Password, string? Code)
{
    /// <summary>
    /// One box on a form takes either: six digits are a code (passwords have at least ten characters), anything else
    /// is the password.
    /// </summary>
    public static StepUpRequest FromOneField(string? value)
    {
        var trimmed = value?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        return trimmed.Length == 6 && trimmed.All(char.IsAsciiDigit) ? new StepUpRequest(null, trimmed) : new StepUpRequest(value, null);
    }
}

/// <summary>Step-up re-authentication for the account pages and the API (decision 0059).</summary>
public interface IStepUpConfirmation
{
    /// <summary>Whether this deployment asks for it (<c>Identity:RequireTwoFactorForPowerfulRoles</c>).</summary>
    bool IsRequired { get; }

    /// <summary>
    /// Checks the password or code (counting failures towards lockout) and records the moment for this gym and person.
    /// </summary>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">Wrong or missing; names <c>password</c> or <c>code</c>.</exception>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ForbiddenException">Locked out, or not a person.</exception>
    Task ConfirmAsync(ClaimsPrincipal principal, StepUpRequest request, CancellationToken cancellationToken);
}
