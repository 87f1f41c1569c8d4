namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>
/// Step-up re-authentication (decision 0059): a sensitive change — Stripe keys, bank details, turning 2FA off,
/// new recovery codes — needs the person to have entered their password or a current authenticator code again
/// within the last few minutes, at this gym (<see cref="TwoFactorRule.StepUpPath"/> for pages,
/// <see cref="TwoFactorRule.StepUpEndpoint"/> for API callers). Handlers call <see cref="RequireRecentAsync"/>
/// before they write anything, so pages and the API are held to the same rule. Identity implements it.
/// </summary>
public interface IStepUp
{
    /// <summary>
    /// Returns when the person re-authenticated recently here, or the caller is not a person (null: an integration
    /// client, the platform key, a seeder) or the deployment does not require it.
    /// </summary>
    /// <param name="personId">The calling person, or null when the caller is not a person.</param>
    /// <param name="change">What they are doing, in the gym's words ("change the Stripe keys"), for the refusal.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="Errors.ForbiddenException">403 with problem type <c>step-up-required</c>; nothing was written.</exception>
    Task RequireRecentAsync(Guid? personId, string change, CancellationToken cancellationToken);
}

/// <summary>The kernel's default when no module provides step-up: nothing to ask (hosts without Identity, kernel tests).</summary>
internal sealed class NoStepUp : IStepUp
{
    public Task RequireRecentAsync(Guid? personId, string change, CancellationToken cancellationToken) => Task.CompletedTask;
}
