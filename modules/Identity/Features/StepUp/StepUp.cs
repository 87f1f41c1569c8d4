using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity.Features.StepUp;

/// <summary>
/// Step-up re-authentication (decision 0059). Confirming records, per gym and person, when the person last proved it
/// was them; <see cref="RequireRecentAsync"/> accepts that for <see cref="StrongAuthenticationOptions.StepUpLifetime"/>.
/// The record lives in the cache (memory and, with Redis, shared by every node), never in a cookie or token: a page's
/// circuit and an API client read the same answer, and a bearer token cannot be re-issued with a new claim.
/// </summary>
internal sealed class StepUpService(
    UserManager<DerrimutUser> users,
    SignInManager<DerrimutUser> signIn,
    HybridCache cache,
    ICurrentTenant tenant,
    TimeProvider time,
    IOptions<StrongAuthenticationOptions> options) : IStepUp, IStepUpConfirmation
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    /// <summary>The key names the gym and the person: proving it at one gym is worth nothing at another.</summary>
    internal static string Key(Guid? tenantId, Guid userId) =>
        tenantId is { } id ? $"identity:step-up:{id:N}:{userId:N}" : $"identity:step-up:platform:{userId:N}";

    public bool IsRequired => options.Value.RequireTwoFactorForPowerfulRoles;

    /// <summary>Checks the password or code and records the moment; 400 naming the field when wrong.</summary>
    public async Task ConfirmAsync(ClaimsPrincipal principal, StepUpRequest request, CancellationToken cancellationToken)
    {
        var userId = principal.RequireUserId();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new ForbiddenException("Your sign-in is no longer valid. Please sign in again.");
        var code = request.Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(code))
        {
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                throw new ValidationException("code", "Your sign-in has no authenticator app yet: enter your password instead.");
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                // Counted like a wrong password, so guessing codes here locks the account as sign-in would.
                await users.AccessFailedAsync(user);
                throw new ValidationException("code", "That code is not right. Codes change every 30 seconds: try the one your app shows now.");
            }
        }
        else if (!string.IsNullOrEmpty(request.Password))
        {
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                throw new ForbiddenException("Too many wrong attempts: your account is locked for a while.");
            }

            if (!result.Succeeded)
            {
                throw new ValidationException("password", "That password is not right.");
            }
        }
        else
        {
            throw new ValidationException("password", "Enter your password, or a code from your authenticator app.");
        }

        await cache.SetAsync(Key(tenant.Tenant?.Id, userId), time.GetUtcNow().UtcTicks,
            new HybridCacheEntryOptions { Expiration = options.Value.StepUpLifetime, LocalCacheExpiration = options.Value.StepUpLifetime },
            cancellationToken: cancellationToken);
    }

    public async Task RequireRecentAsync(Guid? personId, string change, CancellationToken cancellationToken)
    {
        if (!options.Value.RequireTwoFactorForPowerfulRoles || personId is not { } userId)
        {
            // Off in this deployment, or not a person (an integration client or the platform key): nothing to re-enter.
            return;
        }

        var ticks = await cache.GetOrCreateAsync(Key(tenant.Tenant?.Id, userId), static _ => ValueTask.FromResult(0L), ReadOnly,
            cancellationToken: cancellationToken);
        var age = time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (ticks == 0 || age < TimeSpan.Zero || age > options.Value.StepUpLifetime)
        {
            var minutes = (int)Math.Ceiling(options.Value.StepUpLifetime.TotalMinutes);
            throw new ForbiddenException(
                $"To {change}, confirm it's you first: enter your password or an authenticator code at {TwoFactorRule.StepUpPath} " +
                $"(API: POST {TwoFactorRule.StepUpEndpoint}), then try again within {minutes} minute{(minutes == 1 ? "" : "s")}.",
                ProblemTypes.StepUpRequired);
        }
    }
}

/// <summary><c>POST /api/account/step-up</c>: the API callers' way to confirm it's them before a sensitive change.</summary>
internal static class StepUpEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/account/step-up", async Task<NoContent> (StepUpRequest request, ClaimsPrincipal me, StepUpService stepUp, CancellationToken ct) =>
            {
                await stepUp.ConfirmAsync(me, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithTags("Identity").WithName("StepUp")
            .WithSummary("Re-enter the password or an authenticator code; sensitive changes are accepted for a few minutes after.");
}
