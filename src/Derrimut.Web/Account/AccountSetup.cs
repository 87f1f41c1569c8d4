using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Derrimut.Web.Account;

/// <summary>The account pages' services and the one account endpoint that is not a page (sign-out).</summary>
internal static class AccountSetup
{
    /// <summary>
    /// A person managing their own login (password, 2FA) needs only to be signed in: the login is platform-wide, so
    /// unlike the default policy this does not ask for a membership at the gym whose site they happen to be on.
    /// </summary>
    public const string SignedInPolicy = "account:signed-in";

    public static void AddAccountPages(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, p => p.RequireAuthenticatedUser());
        services.AddScoped<AccountRedirects>();
        services.AddScoped<TwoFactorGuide>();
        services.AddScoped<AccountEmails>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, AccountFormsRateLimitPolicy>(AccountFormsRateLimitPolicy.Name));
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        // A POST with an antiforgery token (form binding makes the antiforgery middleware check it), so a link or an
        // image on another site cannot sign people out.
        app.MapPost("/account/logout", async (SignInManager<DerrimutUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
            })
            .ExcludeFromDescription();
}
