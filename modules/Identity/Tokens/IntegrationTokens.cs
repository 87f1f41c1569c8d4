using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// Access tokens issued to integration clients (client credentials: door controllers and other integrations) are signed but not encrypted (decision 0051). They carry only the client's id, its display name, the location
/// and its permissions — nothing the client does not already know — and they never leave the client's own hands, so
/// encryption hid nothing from anyone; it cost every door swipe an RSA private-key operation. People's access tokens
/// (authorization code flow) stay encrypted: they carry a person's e-mail and roles and travel through browsers and phones.
/// </summary>
internal sealed class SignedOnlyClientAccessTokens(IntegrationTokenEntries settings) : IOpenIddictServerHandler<OpenIddictServerEvents.GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.GenerateTokenContext>()
            .UseSingletonHandler<SignedOnlyClientAccessTokens>()
            // Last thing before the token is written: OpenIddict has picked the credentials and built the descriptor.
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.GenerateTokenContext context)
    {
        if (!settings.EncryptClientTokens
            && context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken
            && IsIssuedToTheClientItself(context))
        {
            context.EncryptionCredentials = null;
            if (context.SecurityTokenDescriptor is { } descriptor)
            {
                descriptor.EncryptingCredentials = null;
            }
        }

        return default;
    }

    // Client credentials: the token's subject is the client that asked for it, never a person's id.
    private static bool IsIssuedToTheClientItself(OpenIddictServerEvents.GenerateTokenContext context) =>
        context.Principal?.GetClaim(Claims.Subject) is { Length: > 0 } subject
        && !Guid.TryParse(subject, out _)
        && (string.Equals(subject, context.ClientId, StringComparison.Ordinal) || IntegrationTokenEntries.IsClientToken(context.Principal));
}

/// <summary>
/// Which integration clients' access tokens were found valid in the token store, and until when that answer may be
/// reused: <see cref="RecheckInterval"/> (5 seconds by default, <c>Identity:IntegrationTokenRecheck</c>). A door
/// controller swipes many times a second; asking the database about its token on each swipe was most of a door
/// decision's cost. Any revocation on this node (<see cref="RevocationAwareTokenManager"/>) and removing a client forget every
/// remembered answer at once; on another node a revocation applies within the interval. Only client-credentials tokens are remembered: a person's token is
/// still looked up on every call, so "sign out everywhere" and a password change stop it on the next request.
/// </summary>
internal sealed class IntegrationTokenEntries(TimeProvider time, TimeSpan recheckInterval, bool encryptClientTokens = false)
{
    /// <summary>
    /// <c>Identity:EncryptIntegrationTokens</c> (false): true encrypts integration clients' access tokens as people's are
    /// (for a deployment whose policy wants every token opaque, at the cost measured in docs/performance.md).
    /// </summary>
    public bool EncryptClientTokens { get; } = encryptClientTokens;

    private readonly ConcurrentDictionary<string, long> _validUntil = new(StringComparer.Ordinal);

    /// <summary>How long a valid answer from the token store is reused.</summary>
    public TimeSpan RecheckInterval { get; } = recheckInterval;

    /// <summary>
    /// True for a token of an integration client: its subject is the client itself (client credentials), not a person
    /// (a person's token has their id as subject and the member app as client).
    /// </summary>
    public static bool IsClientToken(ClaimsPrincipal? principal) =>
        principal?.GetClaim(Claims.Subject) is { Length: > 0 } subject
        && (principal.GetClaim(Claims.ClientId) ?? principal.GetClaim(Claims.Private.Presenter)) is { } client
        && string.Equals(subject, client, StringComparison.Ordinal)
        && !Guid.TryParse(subject, out _);

    public bool IsKnownValid(string tokenId) => KnownValidUntil(tokenId, time.GetUtcNow().UtcTicks) is not null;

    public void RememberValid(string tokenId)
    {
        if (RecheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        // Bounded: an entry per live client token; a sweep of expired answers keeps it from growing with old tokens.
        if (_validUntil.Count > 10_000)
        {
            var now = time.GetUtcNow().UtcTicks;
            foreach (var (id, until) in _validUntil)
            {
                if (until <= now)
                {
                    _validUntil.TryRemove(id, out _);
                }
            }
        }

        _validUntil[tokenId] = (time.GetUtcNow() + RecheckInterval).UtcTicks;
    }

    /// <summary>When the remembered answer for this token expires (UTC ticks), or null when it must be looked up.</summary>
    private long? KnownValidUntil(string tokenId, long now) =>
        _validUntil.TryGetValue(tokenId, out var until) && now < until ? until : null;

    // Validated integration tokens by site and token text (decision 0077): the whole bearer pipeline (JWT parsing, the
    // signature check, OpenIddict's validation handlers) is paid once per token per re-check interval, not per swipe.
    private readonly ConcurrentDictionary<string, RememberedTicket> _tickets = new(StringComparer.Ordinal);

    private sealed record RememberedTicket(AuthenticationTicket Ticket, string TokenId, long ExpiresAt);

    // The issuer is part of the key: a token is valid only at the site that issued it (decision 0061), and the
    // remembered answer must never let it through at another gym's site.
    private static string TicketKey(string issuer, string token) => string.Concat(issuer, "\n", token);

    /// <summary>
    /// A copy of the ticket this token was validated into at this site, while its token-store answer is still
    /// remembered (<see cref="RecheckInterval"/> since the store was last asked) and the token has not expired; a
    /// revocation on this node (<see cref="ForgetAll"/>) ends it at once.
    /// </summary>
    public AuthenticationTicket? Recall(string issuer, string token)
    {
        if (!_tickets.TryGetValue(TicketKey(issuer, token), out var remembered))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcTicks;
        if (now >= remembered.ExpiresAt || KnownValidUntil(remembered.TokenId, now) is null)
        {
            return null;
        }

        // A copy: claims transformation and endpoints may add to the principal they are handed.
        return remembered.Ticket.Clone();
    }

    /// <summary>
    /// Remembers the ticket OpenIddict validated this integration client's token into, but only while the token
    /// store's answer for it is remembered: a remembered ticket never outlives the re-check it rests on.
    /// </summary>
    public void RememberTicket(string issuer, string token, AuthenticationTicket ticket)
    {
        if (!IsClientToken(ticket.Principal)
            || ticket.Principal.GetTokenId() is not { Length: > 0 } tokenId
            || ticket.Principal.GetExpirationDate() is not { } expires)
        {
            return;
        }

        var now = time.GetUtcNow().UtcTicks;
        if (KnownValidUntil(tokenId, now) is null || expires.UtcTicks <= now)
        {
            return;
        }

        // Bounded like the answers: one entry per live client token and site; expired or unbacked ones are swept.
        if (_tickets.Count > 10_000)
        {
            foreach (var (key, entry) in _tickets)
            {
                if (entry.ExpiresAt <= now || KnownValidUntil(entry.TokenId, now) is null)
                {
                    _tickets.TryRemove(key, out _);
                }
            }
        }

        _tickets[TicketKey(issuer, token)] = new RememberedTicket(ticket.Clone(), tokenId, expires.UtcTicks);
    }

    /// <summary>Forgets every remembered answer (a client was revoked, removed or its token revoked on this node).</summary>
    public void ForgetAll()
    {
        _validUntil.Clear();
        _tickets.Clear();
    }
}

/// <summary>
/// OpenIddict's token-entry check (a revoked token stops at once), with one change: an integration client's token found
/// valid is not looked up again for <see cref="IntegrationTokenEntries.RecheckInterval"/>. Replaces the built-in
/// <c>ValidateTokenEntry</c> handler at the same place in the pipeline and rejects exactly as it does.
/// </summary>
internal sealed class RememberedTokenEntryValidation(IOpenIddictTokenManager tokens, IntegrationTokenEntries remembered)
    : IOpenIddictValidationHandler<OpenIddictValidationEvents.ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ValidateTokenContext>()
            .AddFilter<OpenIddictValidationHandlerFilters.RequireTokenEntryValidationEnabled>()
            .AddFilter<OpenIddictValidationHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<RememberedTokenEntryValidation>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ValidateTokenContext context)
    {
        var tokenId = context.TokenId!;
        var isClientToken = IntegrationTokenEntries.IsClientToken(context.Principal);
        if (isClientToken && remembered.IsKnownValid(tokenId))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(tokenId);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Valid))
        {
            context.Logger.LogInformation("The token {TokenId} is no longer valid.", tokenId);
            context.Reject(error: Errors.InvalidToken, description: "The specified token is no longer valid.");
            return;
        }

        if (isClientToken)
        {
            remembered.RememberValid(tokenId);
        }
    }
}
