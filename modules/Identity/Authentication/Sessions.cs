using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// Credentials changes end old sessions. ASP.NET Core Identity renews a person's security stamp whenever their
/// credentials change (password reset or change, 2FA on or off, recovery codes, "sign out everywhere"); this makes the
/// stamp the one switch for every kind of session: cookies are re-checked against it every
/// <see cref="SignInSessionOptions.RecheckInterval"/>, refresh tokens carry it and are refused once it moved, and the moment
/// it moves every token issued to the person is revoked in the token store (access tokens are checked against that
/// store on each call, so they stop too).
/// </summary>
internal static class Sessions
{
    /// <summary>The authentication property holding when the password was typed (survives sliding renewals).</summary>
    public const string StartedProperty = ".derrimut.session_started";

    public static void AddSessionRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInSessionOptions>(configuration.GetSection(SignInSessionOptions.Section));
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SignInSessionOptions>>((o, sessions) => o.ValidationInterval = sessions.Value.RecheckInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SignInSessionOptions>, TimeProvider, IOptions<SecurityStampValidatorOptions>>((o, sessions, clock, stamps) =>
            {
                var signingIn = o.Events.OnSigningIn;
                o.Events.OnSigningIn = async context =>
                {
                    // A refresh of the sign-in (after a profile change, say) keeps the original start.
                    context.Properties.Items.TryAdd(StartedProperty, clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    await signingIn(context);
                };
                var validating = o.Events.OnValidatePrincipal;
                o.Events.OnValidatePrincipal = async context =>
                {
                    if (HasOutlived(context.Properties, sessions.Value.AbsoluteLifetime, clock.GetUtcNow()))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    // Identity's validator does nothing until the cookie is older than the re-check interval, but it
                    // is resolved first (with the sign-in and user managers, their store and a database context) on
                    // every request; ask it only when it has something to check (decision 0077).
                    if (!StampRecheckDue(context.Properties, stamps.Value))
                    {
                        return;
                    }

                    await validating(context);
                };
            });
    }

    /// <summary>
    /// True when Identity's security-stamp validator would re-check this cookie now: exactly its own rule (no issue
    /// time, or older than <see cref="SecurityStampValidatorOptions.ValidationInterval"/> by the validator's clock).
    /// </summary>
    internal static bool StampRecheckDue(AuthenticationProperties properties, SecurityStampValidatorOptions stamps) =>
        properties.IssuedUtc is not { } issued
        || (stamps.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > stamps.ValidationInterval;

    /// <summary>True when the sign-in began more than <paramref name="lifetime"/> ago (or its start is unreadable).</summary>
    internal static bool HasOutlived(AuthenticationProperties properties, TimeSpan lifetime, DateTimeOffset now)
    {
        var started = properties.Items.TryGetValue(StartedProperty, out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                ? at
                : properties.IssuedUtc;
        return started is null || now - started.Value >= lifetime;
    }
}

/// <summary>
/// The people store, with one addition: when a person's security stamp changes (not when the first one is set at
/// creation), every OpenIddict token issued to them is revoked in the same moment.
/// </summary>
internal sealed class DerrimutUserStore(DerrimutDbContext context, IOpenIddictTokenManager tokens, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<DerrimutUser, DerrimutDbContext, Guid>(context, describer)
{
    public override async Task SetSecurityStampAsync(DerrimutUser user, string stamp, CancellationToken cancellationToken = default)
    {
        var replacing = user.SecurityStamp is not null && user.SecurityStamp != stamp;
        await base.SetSecurityStampAsync(user, stamp, cancellationToken);
        if (replacing)
        {
            await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);
        }
    }
}
