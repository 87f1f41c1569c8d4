using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>
/// MFA for the powerful (decision 0059). Identity marks a person's principal with
/// <see cref="DerrimutClaims.SecondFactorMissing"/> when the deployment requires two-factor sign-in for powerful
/// permissions and the person has not turned it on. The kernel then refuses, with a reason, every permission marked
/// <see cref="PermissionDefinition.RequiresTwoFactor"/> (and every platform permission), and everything a superadmin
/// may do as one. Integration clients and the platform key never carry the claim: they are not people.
/// </summary>
public static class TwoFactorRule
{
    /// <summary>The guided setup page (pages are redirected there with <c>required=1</c> and a return address).</summary>
    public const string SetupPath = "/account/manage/2fa";

    /// <summary>The page that asks for the password or a code again before a sensitive change (step-up).</summary>
    public const string StepUpPath = "/account/step-up";

    /// <summary>The API endpoint that does the same for API callers.</summary>
    public const string StepUpEndpoint = "/api/account/step-up";

    /// <summary>What a refused person reads (pages and problem documents alike).</summary>
    public const string Message =
        "Two-factor sign-in is required for this: your role can manage people, payroll or billing. Turn it on at " + SetupPath + ", then try again.";

    /// <summary>Whether the principal lacks the second factor this deployment requires of powerful people.</summary>
    public static bool IsMissing(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == DerrimutClaims.SecondFactorMissing);
    }

    /// <summary>True when the principal holds (or would hold) <paramref name="permission"/> but must turn on 2FA first.</summary>
    public static bool Blocks(ClaimsPrincipal user, string permission, PermissionDefinitionContext catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return IsMissing(user) && (user.IsInRole(DerrimutClaims.SuperAdminRole) || catalogue.NeedsTwoFactor(permission));
    }

    /// <summary>True when a superadmin-only action must wait for 2FA.</summary>
    public static bool BlocksSuperAdmin(ClaimsPrincipal user) => IsMissing(user) && user.IsInRole(DerrimutClaims.SuperAdminRole);

    /// <summary>The refusal a page call or a handler throws (403, problem type <see cref="ProblemTypes.TwoFactorRequired"/>).</summary>
    public static ForbiddenException Refusal() => new(Message, ProblemTypes.TwoFactorRequired);
}

/// <summary>The authorization failure reason the permission handler gives when 2FA is what is missing.</summary>
public sealed class TwoFactorRequiredReason(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, TwoFactorRule.Message);

/// <summary>
/// Answers an authorization refusal caused by missing 2FA: an API call gets a 403 problem document naming the setup
/// page; a page is redirected to the guided setup with a way back. Every other outcome is the framework's.
/// </summary>
internal sealed class TwoFactorAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden
            || authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r is TwoFactorRequiredReason) != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemTypes.TwoFactorRequired,
                "Two-factor sign-in required.", TwoFactorRule.Message, new Dictionary<string, object?> { ["setUpAt"] = TwoFactorRule.SetupPath });
            return;
        }

        var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{TwoFactorRule.SetupPath}?required=1&returnUrl={Uri.EscapeDataString(back)}");
    }
}
