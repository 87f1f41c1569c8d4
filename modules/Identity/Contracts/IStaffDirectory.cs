namespace Derrimut.Identity.Contracts;

/// <summary>A person who works at the current location (a trainer, staff or admin access that is active).</summary>
/// <param name="UserId">The person's id.</param>
/// <param name="DisplayName">How they are addressed.</param>
/// <param name="Email">Their sign-in email.</param>
/// <param name="Roles">Their roles here, lowest first.</param>
public sealed record StaffMember(Guid UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// The people who work at the current location, for modules that pay or roster them (Payroll). Scoped to the
/// current location by the tenant filter: another gym's people are never returned.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Everyone with an active trainer, staff or admin access here, by name.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One of them, or null when the person does not work here (or is deactivated).</summary>
    Task<StaffMember?> FindAsync(Guid userId, CancellationToken cancellationToken = default);
}
