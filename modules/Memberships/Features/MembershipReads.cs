using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features;

/// <summary>Reads a membership with its plan's name, its member (through Identity's people contract) and its ledger.</summary>
internal sealed class MembershipReads(DerrimutDbContext db, IPeopleReadModel people, IGymClock clock)
{
    public async Task<MembershipDto> ToDtoAsync(Membership membership, CancellationToken cancellationToken)
    {
        var planName = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == membership.PlanId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            ?? membership.PlanCode;
        var member = await people.People.FirstOrDefaultAsync(p => p.UserId == membership.UserId, cancellationToken);
        return MembershipViews.ToDto(membership, planName, member, await LedgerAsync(membership.UserId, cancellationToken));
    }

    /// <summary>A member's ledger at this gym, newest first.</summary>
    public async Task<IReadOnlyList<LedgerLineDto>> LedgerAsync(Guid userId, CancellationToken cancellationToken)
    {
        var lines = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken);
        return [.. lines.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => MembershipViews.ToDto(e, clock))];
    }
}

/// <summary>What the use cases that change a membership share: the location rule, the audit trail and the member's email.</summary>
internal sealed class MembershipChanges(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IPeopleReadModel people,
    Derrimut.BuildingBlocks.Email.IEmailSender email,
    TimeProvider time,
    ILogger<MembershipChanges> logger)
{
    /// <summary>Memberships are sold and changed at a location, never on a franchise's or the platform's site.</summary>
    public void RequireLocation()
    {
        if (tenant.Tenant is not { IsLocation: true })
        {
            throw new ForbiddenException("Memberships belong to a gym location; use the location's own site.");
        }
    }

    /// <summary>Adds an audit entry to the unit of work (saved with the change it records).</summary>
    public void Audit(Membership membership, Guid? actor, string action, string detail) => db.Add(new MembershipAuditEntry
    {
        MembershipId = membership.Id,
        ActorUserId = actor,
        Action = action,
        Detail = detail,
        At = time.GetUtcNow(),
    });

    /// <summary>Emails the member about a change already made and saved.</summary>
    public async Task SendAsync(Guid userId, string subject, string body, CancellationToken cancellationToken)
    {
        var member = await people.People.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (member is null || member.Email.Length == 0)
        {
            return;
        }

        try
        {
            var gym = tenant.Tenant?.Name ?? "Derrimut 24:7 Gym";
            await email.SendAsync(
                new Derrimut.BuildingBlocks.Email.EmailMessage(member.Email, member.DisplayName, $"{subject} · {gym}", $"Hi {member.DisplayName},\n\n{body}\n\n{gym}"),
                cancellationToken);
        }
        catch (Exception ex)
        {
            // The change is made and recorded; a lost confirmation email must not undo it or fail the request.
            logger.LogError(ex, "Could not send the membership email '{Subject}' to {User}", subject, userId);
        }
    }
}
