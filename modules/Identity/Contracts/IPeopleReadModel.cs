namespace Derrimut.Identity.Contracts;

/// <summary>
/// A person as other modules may read them: name and login email, never the login's secrets. A row type with init
/// properties (not a positional record) so that queries composed over it — a join, a search — translate to SQL.
/// </summary>
public sealed class PersonRow
{
    /// <summary>The person's user id.</summary>
    public Guid UserId { get; init; }

    /// <summary>How the person is addressed.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Their login email.</summary>
    public string Email { get; init; } = "";

    /// <summary>The address of their profile photo, when they have one (the desk shows it at check-in).</summary>
    public string? PhotoUrl { get; init; }
}

/// <summary>
/// Identity's people read contract: other modules read people through it, never through Identity's user entity, so
/// Identity may change how it stores logins without breaking them. The query runs on the caller's scope's DbContext,
/// so it joins with the caller's own tables in one SQL statement.
/// </summary>
public interface IPeopleReadModel
{
    /// <summary>Every person (people are platform-wide; join with your own tenant's rows to stay at one gym).</summary>
    IQueryable<PersonRow> People { get; }
}
