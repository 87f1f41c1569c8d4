using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// The sign-in cookie's tickets, as decrypted, for <see cref="Lifetime"/> (one minute by default,
/// <c>Identity:CookieTicketMemory</c>; zero turns it off). A signed-in browser sends the same cookie on every request
/// until it is renewed, and reading it — Data Protection's per-message key derivation, two HMACs, AES and the ticket's
/// deserialisation — was the largest single cost of a signed-in read after its query (decision 0078).
/// <para>
/// Nothing is trusted that decryption would not give: the key is the whole protected text, so only that exact cookie is
/// answered, with a copy of exactly what decrypting it gave. Every check the cookie handler makes on a ticket (expiry,
/// sliding renewal, the absolute session lifetime, the security-stamp re-check) still runs on every request, on the copy.
/// What it changes: a Data Protection key revoked on this node stops cookies it protected after at most
/// <see cref="Lifetime"/>, not at once; sign-out and credential changes are unaffected (the security stamp ends those).
/// </para>
/// </summary>
internal sealed class RememberedCookieTickets(TimeProvider time, TimeSpan lifetime)
{
    /// <summary>The most cookies remembered at once; past it, expired ones are swept and new ones wait for room.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _tickets = new(StringComparer.Ordinal);

    private sealed record Remembered(AuthenticationTicket Ticket, long Until);

    /// <summary>How long a decrypted ticket is reused for the same cookie.</summary>
    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>How many cookies are remembered now (for tests).</summary>
    public int Count => _tickets.Count;

    /// <summary>A copy of the ticket this exact cookie was decrypted into, while remembered; otherwise null.</summary>
    public AuthenticationTicket? Recall(string protectedText)
    {
        if (!_tickets.TryGetValue(protectedText, out var remembered))
        {
            return null;
        }

        if (time.GetUtcNow().UtcTicks >= remembered.Until)
        {
            _tickets.TryRemove(KeyValuePair.Create(protectedText, remembered));
            return null;
        }

        // A copy: the cookie handler, the stamp validator and claims transformation may change the ticket they are handed.
        return remembered.Ticket.Clone();
    }

    /// <summary>Remembers what this cookie decrypted into (a copy), until <see cref="Lifetime"/> from now.</summary>
    public void Remember(string protectedText, AuthenticationTicket ticket)
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow().UtcTicks;
        if (_tickets.Count >= Capacity)
        {
            foreach (var (key, entry) in _tickets)
            {
                if (entry.Until <= now)
                {
                    _tickets.TryRemove(key, out _);
                }
            }

            // Still full of live cookies: this one is simply decrypted again next time.
            if (_tickets.Count >= Capacity)
            {
                return;
            }
        }

        _tickets[protectedText] = new Remembered(ticket.Clone(), now + Lifetime.Ticks);
    }
}

/// <summary>
/// The sign-in cookie's ticket format with <see cref="RememberedCookieTickets"/> in front of decryption. Protecting
/// (issuing and renewing cookies) is the inner format's, unchanged.
/// </summary>
internal sealed class RememberedTicketDataFormat(ISecureDataFormat<AuthenticationTicket> inner, RememberedCookieTickets remembered)
    : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) is not part of the key, so only purpose-less reads — the cookie handler's — are
        // remembered.
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (remembered.Recall(protectedText) is { } ticket)
        {
            return ticket;
        }

        ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            remembered.Remember(protectedText, ticket);
        }

        return ticket;
    }
}
