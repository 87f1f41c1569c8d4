using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Data;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
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

    /// <summary>Their sign-in name at the time, so the history reads the same after they leave.</summary>
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
/// <param name="ActorName">Who (their sign-in name when they made the change).</param>
/// <param name="Action"><c>ids-changed</c> or <c>secret-set</c>.</param>
/// <param name="Detail">What changed.</param>
internal sealed record VoiceAssistantChangeDto(DateTimeOffset At, Guid? ActorId, string ActorName, string Action, string Detail);

/// <summary>
/// The voice settings' audit trail: <see cref="Record"/> adds an entry to the caller's unit of work (saved with the
/// change, or not at all); <see cref="ListAsync"/> reads the location's latest (the tenant filter keeps it to this gym).
/// </summary>
internal sealed class VoiceAssistantAudit(DerrimutDbContext db, TimeProvider time)
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
    public void RecordIds(ClaimsPrincipal actor, string? oldPublicKey, string? newPublicKey, string? oldAssistantId, string? newAssistantId)
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
            Record(actor, "ids-changed", string.Join("; ", changes));
        }
    }

    /// <summary>Records that the webhook secret was set (first time) or replaced; never its value.</summary>
    public void RecordSecret(ClaimsPrincipal actor, bool replaced) =>
        Record(actor, "secret-set", replaced ? "webhook secret replaced" : "webhook secret set");

    public async Task<IReadOnlyList<VoiceAssistantChangeDto>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<VoiceAssistantAuditEntry>().AsNoTracking()
            .Select(e => new VoiceAssistantChangeDto(e.At, e.ActorId, e.ActorName, e.Action, e.Detail)).ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderByDescending(e => e.At).Take(Latest).ToList();
    }

    private void Record(ClaimsPrincipal actor, string action, string detail)
    {
        var actorId = actor.FindUserId();
        var name = actor.Identity?.Name ?? actorId?.ToString() ?? "an integration client";
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
