using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features.Book;
using Derrimut.BuildingBlocks.Events;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.TrainerSessions;

/// <summary><c>GET /api/trainer/sessions?from&amp;to</c>: the signed-in trainer's sessions (default: this week and next).</summary>
internal sealed class ListTrainerSessionsHandler(BookingReads reads)
{
    public async Task<IReadOnlyList<BookingDto>> HandleAsync(Guid personId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var start = (from ?? reads.Clock.StartOf(reads.Clock.Today.AddDays(-7))).ToUniversalTime();
        var end = (to ?? start + TimeSpan.FromDays(21)).ToUniversalTime();
        var errors = new ValidationErrors();
        errors.AddIf(end <= start, "to", "The end of the range must be after its start.");
        errors.AddIf(end - start > TimeSpan.FromDays(92), "to", "Ask for at most 92 days at a time.");
        errors.ThrowIfAny();
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var policy = await reads.PolicyAsync(cancellationToken);
        return await reads.DtosAsync(reads.Db.Set<PtSession>().Where(s => s.TrainerId == trainerId && s.StartsAt >= start && s.StartsAt < end), policy, cancellationToken);
    }
}

/// <summary>What the trainer marks.</summary>
internal enum SessionOutcome
{
    Completed,
    NoShow,
}

/// <summary>Body of the complete and no-show calls (an optional note).</summary>
internal sealed record MarkSessionRequest(string? Notes) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(Notes, "notes", 2000);
}

/// <summary>
/// The trainer marks their confirmed session completed or a no-show once it has started. Completion publishes
/// <see cref="TrainerSessionCompleted"/> in the same transaction, so Payroll records it as payable work exactly when the
/// session becomes completed, and the next pay run pays it (once: Payroll keeps one payable per session).
/// </summary>
internal sealed class MarkSessionHandler(BookingReads reads, ICurrentTenant tenant, IIntegrationEventPublisher events, BookingNotices notices)
{
    public async Task<BookingDto> HandleAsync(Guid personId, Guid sessionId, SessionOutcome outcome, MarkSessionRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var db = reads.Db;
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var session = await db.Set<PtSession>().FirstOrDefaultAsync(s => s.Id == sessionId && s.TrainerId == trainerId, cancellationToken)
            ?? throw new NotFoundException("No such session of yours at this gym.");
        var now = reads.Clock.UtcNow;
        if (session.Status != BookingStatus.Confirmed)
        {
            throw new ConflictException($"Only a confirmed session can be marked; this one is {session.Status.ToString().ToLowerInvariant()}.", "status");
        }

        if (session.StartsAt > now)
        {
            throw new ConflictException("The session has not started yet.", "status");
        }

        session.Status = outcome == SessionOutcome.Completed ? BookingStatus.Completed : BookingStatus.NoShow;
        session.CompletedAt = now;
        if (!string.IsNullOrWhiteSpace(request.Notes))
        {
            session.Notes = request.Notes.Trim();
        }

        db.Add(BookSessionHandler.Change(session, personId, outcome == SessionOutcome.Completed ? "completed" : "no-show", null));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("The session changed while you marked it; reload it and try again.", "status");
            }

            if (outcome == SessionOutcome.Completed)
            {
                var local = reads.Clock.ToLocal(session.StartsAt);
                await events.PublishAsync(new TrainerSessionCompleted(
                    tenant.Tenant!.Id, session.Id, personId, session.MemberId, session.StartsAt, session.Minutes,
                    DateOnly.FromDateTime(reads.Clock.ToLocal(now).DateTime),
                    $"{session.SessionTypeName}, {session.Minutes} min, {local.ToString("ddd d MMM h:mm tt", GymCulture.Australian)}",
                    session.PriceCents), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await notices.ChangedAsync(session, outcome == SessionOutcome.Completed ? "completed" : "no-show", cancellationToken);
        var policy = await reads.PolicyAsync(cancellationToken);
        var trainerName = await db.Set<Domain.Trainers.Trainer>().Where(t => t.Id == trainerId).Select(t => t.DisplayName).FirstAsync(cancellationToken);
        return reads.ToDto(session, trainerName, null, policy);
    }
}

internal static class TrainerSessionEndpoints
{
    public static void MapTrainerSessions(this RouteGroupBuilder trainer, RouteGroupBuilder writes)
    {
        trainer.MapGet("/sessions", (DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal me, ListTrainerSessionsHandler handler, CancellationToken ct) =>
                handler.HandleAsync(me.RequireUserId(), from, to, ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("ListTrainerSessions");
        writes.MapPost("/sessions/{id:guid}/complete", (Guid id, MarkSessionRequest? request, ClaimsPrincipal me, MarkSessionHandler handler, CancellationToken ct) =>
                handler.HandleAsync(me.RequireUserId(), id, SessionOutcome.Completed, request ?? new MarkSessionRequest(null), ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("CompleteTrainerSession");
        writes.MapPost("/sessions/{id:guid}/no-show", (Guid id, MarkSessionRequest? request, ClaimsPrincipal me, MarkSessionHandler handler, CancellationToken ct) =>
                handler.HandleAsync(me.RequireUserId(), id, SessionOutcome.NoShow, request ?? new MarkSessionRequest(null), ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("MarkTrainerSessionNoShow");
    }
}
