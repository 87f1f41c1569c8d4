using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>
/// One change to a location's voice assistant settings: who, when and what. The webhook secret is recorded only as
/// "set" or "replaced", never its value; the public key and assistant id (public by design) as old → new. Written in
/// the same unit of work as the change (decision 0050).
/// </summary>
internal sealed class VoiceAssistantAuditEntry : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The person who made the change.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>Their name and sign-in email at the time, so the history reads the same after they leave.</summary>
    public string ActorName { get; set; } = "";

    /// <summary><c>ids-changed</c> or <c>secret-set</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What changed, in words an admin reads (never the secret).</summary>
    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>One line of the voice settings' history as the page shows it.</summary>
/// <param name="At">When.</param>
/// <param name="ActorId">Who (their user id).</param>
/// <param name="ActorName">Who (their name and sign-in email when they made the change).</param>
/// <param name="Action"><c>ids-changed</c> or <c>secret-set</c>.</param>
/// <param name="Detail">What changed.</param>
internal sealed record VoiceAssistantChangeDto(DateTimeOffset At, Guid? ActorId, string ActorName, string Action, string Detail);

/// <summary>
/// The voice settings' audit trail: <see cref="Record"/> adds an entry to the caller's unit of work (saved with the
/// change, or not at all); <see cref="ListAsync"/> reads the location's latest (the tenant filter keeps it to this gym).
/// </summary>
internal sealed class VoiceAssistantAudit(DerrimutDbContext db, TimeProvider time, IPeopleReadModel people)
{
    public const int Latest = 20;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<VoiceAssistantAuditEntry>(b =>
        {
            b.ToTable("voice_assistant_audit_entries", AiPlansModel.Schema);
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.TenantId, e.At });
            b.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
            b.Property(e => e.Action).HasMaxLength(50).IsRequired();
            b.Property(e => e.Detail).HasMaxLength(2000).IsRequired();
        });

    /// <summary>Describes a change of the ids (nothing is added when neither changed).</summary>
    public async Task RecordIdsAsync(
        ClaimsPrincipal actor, string? oldPublicKey, string? newPublicKey, string? oldAssistantId, string? newAssistantId, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        if (!string.Equals(oldPublicKey, newPublicKey, StringComparison.Ordinal))
        {
            changes.Add($"public key {oldPublicKey ?? "(none)"} → {newPublicKey ?? "(none)"}");
        }

        if (!string.Equals(oldAssistantId, newAssistantId, StringComparison.Ordinal))
        {
            changes.Add($"assistant id {oldAssistantId ?? "(none)"} → {newAssistantId ?? "(none)"}");
        }

        if (changes.Count > 0)
        {
            await RecordAsync(actor, "ids-changed", string.Join("; ", changes), cancellationToken);
        }
    }

    /// <summary>Records that the webhook secret was set (first time) or replaced; never its value.</summary>
    public Task RecordSecretAsync(ClaimsPrincipal actor, bool replaced, CancellationToken cancellationToken) =>
        RecordAsync(actor, "secret-set", replaced ? "webhook secret replaced" : "webhook secret set", cancellationToken);

    public async Task<IReadOnlyList<VoiceAssistantChangeDto>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<VoiceAssistantAuditEntry>().AsNoTracking()
            .Select(e => new VoiceAssistantChangeDto(e.At, e.ActorId, e.ActorName, e.Action, e.Detail)).ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderByDescending(e => e.At).Take(Latest).ToList();
    }

    private async Task RecordAsync(ClaimsPrincipal actor, string action, string detail, CancellationToken cancellationToken)
    {
        var actorId = actor.FindUserId();
        // Identity's name and email as they are now (a page call's principal carries only the id), kept in the row.
        var person = actorId is { } id
            ? await people.People.Where(p => p.UserId == id).Select(p => new { p.DisplayName, p.Email }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var name = person is not null ? $"{person.DisplayName} ({person.Email})" : actorId?.ToString() ?? actor.Identity?.Name ?? "an integration client";
        db.Add(new VoiceAssistantAuditEntry
        {
            ActorId = actorId,
            ActorName = name.Length <= 256 ? name : name[..256],
            Action = action,
            Detail = char.ToUpperInvariant(detail[0]) + detail[1..] + ".",
            At = time.GetUtcNow(),
        });
    }
}

/// <summary><c>GET /api/plans/voice-assistant/changes</c>: who changed the voice settings, and what.</summary>
internal static class VoiceAssistantAuditEndpoint
{
    public static void MapVoiceAssistantChanges(this RouteGroupBuilder plans) =>
        plans.MapGet("/voice-assistant/changes", async (VoiceAssistantAudit audit, CancellationToken ct) => TypedResults.Ok(await audit.ListAsync(ct)))
            .RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("ListVoiceAssistantChanges")
            .WithSummary("Who changed this gym's voice assistant settings, and what (never the secret), newest first.");
}
