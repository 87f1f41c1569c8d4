using Derrimut.BuildingBlocks.Email;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features;

/// <summary>
/// The member's and staff's side of memberships at the current location. The API endpoints and the Blazor pages
/// both go through here, so both enforce the same rules.
/// </summary>
internal sealed class MembershipService(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IPaymentGateway gateway,
    IEmailSender email,
    MembershipNotices notices,
    TimeProvider time,
    ILogger<MembershipService> logger) : IMembershipPlans, IMyMembership, IMembershipRegister
{
    /// <summary>A pending membership whose checkout never got a URL (the gateway call died) is abandoned after this.</summary>
    private static readonly TimeSpan AbandonedCheckoutAfter = TimeSpan.FromMinutes(15);

    public const int MinFreezeWeeks = 1;
    public const int MaxFreezeWeeks = 12;

    private TimeZoneInfo Zone => MembershipViews.ZoneOf(tenant.Tenant);

    public async Task<IReadOnlyList<MembershipPlanDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var plans = await db.Set<Plan>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        return [.. plans.Select(MembershipViews.ToDto)];
    }

    public async Task<MembershipCheckoutStarted> StartCheckoutAsync(Guid userId, string planCode, Uri siteBaseUrl, CancellationToken cancellationToken = default)
    {
        RequireLocation();
        var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == planCode && p.IsActive, cancellationToken)
            ?? throw new ValidationException("planCode", $"This gym has no plan '{planCode}' on sale.");
        var now = time.GetUtcNow();

        if (await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken) is { } live)
        {
            var abandoned = live.Status == MembershipStatus.Pending
                && (live.CheckoutExpiresAt is { } expires ? expires <= now : live.CreatedAt + AbandonedCheckoutAfter <= now);
            if (!abandoned)
            {
                throw new ConflictException(live.Status == MembershipStatus.Pending
                    ? "You have already started joining this gym. Finish that payment, or wait for it to lapse, before choosing another plan."
                    : "You already have a membership at this gym.", "planCode");
            }

            live.End(MembershipStatus.Expired, now);
            Audit(live, null, "checkout-abandoned", "The checkout lapsed without payment.");
            await db.SaveChangesAsync(cancellationToken);
        }

        var membership = new Membership { UserId = userId, LiveUserId = userId, PlanId = plan.Id, PlanCode = plan.Code };
        db.Add(membership);
        Audit(membership, userId, "checkout-started", $"Plan {plan.Code}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (tenant, live member) index: a concurrent request got there first.
            throw new ConflictException("You already have a membership at this gym, or are joining it right now.", "planCode");
        }

        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var site = siteBaseUrl.ToString().TrimEnd('/');
        StartedCheckout started;
        try
        {
            started = await gateway.CreateSubscriptionCheckoutAsync(
                new SubscriptionCheckoutRequest(
                    tenant.Tenant!.Id, userId, plan.ToCheckoutPlan(), CheckoutPurposes.Membership,
                    // One key per membership attempt: a retry of this call returns the same session, never a second.
                    IdempotencyKey: $"membership-checkout:{membership.Id:N}",
                    SuccessUrl: $"{site}/member/membership/welcome?session={{CHECKOUT_SESSION_ID}}",
                    CancelUrl: $"{site}/member/membership/join/{Uri.EscapeDataString(plan.Code)}?cancelled=true",
                    CustomerEmail: user?.Email),
                cancellationToken);
        }
        catch (Exception ex) when (ex is PaymentGatewayException or OperationCanceledException)
        {
            // Nothing was sold: free the member to try again rather than leave a pending row behind.
            db.Remove(membership);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        membership.CheckoutSessionId = started.CheckoutId;
        membership.CheckoutUrl = started.Url;
        membership.CheckoutExpiresAt = started.ExpiresAt;
        await db.SaveChangesAsync(cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return new MembershipCheckoutStarted(started.Url, membership.Id);
    }

    public async Task<MembershipDto?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var membership = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.LiveUserId != null).ThenByDescending(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return membership is null ? null : await ToDtoAsync(membership, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerLineDto>> LedgerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var lines = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken);
        var zone = Zone;
        return [.. lines.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => MembershipViews.ToDto(e, zone))];
    }

    public async Task<MembershipCancelled> CancelAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        RequireLocation();
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken)
            ?? throw new NotFoundException("You have no current membership at this gym to cancel.");
        var now = time.GetUtcNow();
        var zone = Zone;

        if (membership.Status == MembershipStatus.Pending || membership.SubscriptionId is null)
        {
            // Not paid for yet: cancelling abandons the checkout.
            membership.End(MembershipStatus.Cancelled, now);
            membership.CancellationRequestedAt = now;
            Audit(membership, userId, "cancelled", "Cancelled before the first payment.");
            await db.SaveChangesAsync(cancellationToken);
            notices.Changed(userId, membership.Status);
            await notices.FlushAsync(cancellationToken);
            return new MembershipCancelled(await ToDtoAsync(membership, cancellationToken), now, "Your membership was cancelled before it started. Nothing was charged.");
        }

        if (membership.CancelsAt is { } already && membership.CancellationRequestedAt is not null)
        {
            return new MembershipCancelled(await ToDtoAsync(membership, cancellationToken), already,
                $"Your membership is already set to end on {MembershipViews.LocalDate(already, zone)}.");
        }

        var inMinimumTerm = membership.MinimumTermEndsAt is { } termEnds && termEnds > now;
        var request = inMinimumTerm
            ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtDate, membership.MinimumTermEndsAt, $"membership-cancel:{membership.Id:N}")
            : new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtPeriodEnd, null, $"membership-cancel:{membership.Id:N}");
        var snapshot = await gateway.CancelSubscriptionAsync(request, cancellationToken);

        // The gateway may already have reported the change by webhook (the simulated one does, synchronously), so
        // work on the row as it is now.
        await db.Entry(membership).ReloadAsync(cancellationToken);
        var effective = snapshot.CancelAtPeriodEnd ? snapshot.CurrentPeriodEnd ?? snapshot.CancelAt : snapshot.CancelAt ?? snapshot.EndedAt;
        membership.CancellationRequestedAt = now;
        if (membership.IsLive)
        {
            membership.CancelsAt = effective;
        }

        var message = inMinimumTerm
            ? $"Your minimum term runs until {MembershipViews.LocalDate(membership.MinimumTermEndsAt!.Value, zone)}, so your cancellation is scheduled for that day. You can keep training until then."
            : $"Your membership ends on {MembershipViews.LocalDate(effective ?? now, zone)}, at the end of the period you have paid for. You can keep training until then.";
        Audit(membership, userId, "cancel-requested", inMinimumTerm ? $"Scheduled for the end of the minimum term ({effective:O})." : $"At period end ({effective:O}).");
        await db.SaveChangesAsync(cancellationToken);
        await SendAsync(userId, "Your membership cancellation is confirmed", $"{message}\n\nIf you did not ask for this, contact the gym straight away.", cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return new MembershipCancelled(await ToDtoAsync(membership, cancellationToken), effective, message);
    }

    public async Task<MembershipDto> FreezeAsync(Guid userId, int weeks, CancellationToken cancellationToken = default)
    {
        RequireLocation();
        if (weeks is < MinFreezeWeeks or > MaxFreezeWeeks)
        {
            throw new ValidationException("weeks", $"A freeze lasts {MinFreezeWeeks} to {MaxFreezeWeeks} weeks.");
        }

        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken)
            ?? throw new NotFoundException("You have no current membership at this gym to freeze.");
        if (membership.Status != MembershipStatus.Active || membership.SubscriptionId is null)
        {
            throw new ConflictException(membership.Status == MembershipStatus.PastDue
                ? "A membership with a payment outstanding cannot be frozen; please update your payment first."
                : "Only an active membership can be frozen.", "weeks");
        }

        if (membership.IsFrozen)
        {
            throw new ConflictException("Your membership is already frozen.", "weeks");
        }

        var now = time.GetUtcNow();
        var resumesAt = now.AddDays(7 * weeks);
        var snapshot = await gateway.PauseCollectionAsync(
            new PauseCollectionRequest(membership.TenantId, membership.SubscriptionId, resumesAt, $"membership-freeze:{membership.Id:N}:{resumesAt.ToUnixTimeSeconds()}"),
            cancellationToken);

        await db.Entry(membership).ReloadAsync(cancellationToken);
        membership.IsFrozen = snapshot.CollectionPaused;
        membership.FrozenUntil = snapshot.CollectionResumesAt ?? resumesAt;
        Audit(membership, userId, "freeze-requested", $"{weeks} week(s), resumes {membership.FrozenUntil:O}.");
        await db.SaveChangesAsync(cancellationToken);
        var until = MembershipViews.LocalDate(membership.FrozenUntil.Value, Zone);
        await SendAsync(userId, "Your membership is frozen",
            $"Your membership is frozen for {weeks} week(s). Nothing will be charged while it is frozen, and it resumes by itself on {until}.", cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await ToDtoAsync(membership, cancellationToken);
    }

    public async Task<MembershipListPage> ListAsync(MembershipListFilter filter, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(filter.Page < 1, "page", "Pages start at 1.");
        errors.AddIf(filter.PageSize is < 1 or > 200, "pageSize", "The page size must be between 1 and 200.");
        errors.MaxLength(filter.Search, "search", 100);
        errors.MaxLength(filter.Plan, "plan", 50);
        errors.AddIf(filter.Status is not null && filter.Status != "frozen" && MembershipViews.ParseStatus(filter.Status) is null,
            "status", "Statuses are pending, active, past_due, cancelled, expired and frozen.");
        errors.AddIf(filter.JoinedFrom is { } from && filter.JoinedTo is { } to && to < from, "joinedTo", "The end of the range is before its start.");
        errors.ThrowIfAny();

        var query = from m in db.Set<Membership>().AsNoTracking()
                    join u in db.Set<DerrimutUser>().AsNoTracking() on m.UserId equals u.Id
                    select new { m, u };
        if (filter.Status == "frozen")
        {
            query = query.Where(x => x.m.IsFrozen);
        }
        else if (MembershipViews.ParseStatus(filter.Status) is { } status)
        {
            query = query.Where(x => x.m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Plan))
        {
            query = query.Where(x => x.m.PlanCode == filter.Plan);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(x => x.u.NormalizedEmail!.Contains(term) || x.u.DisplayName.ToUpper().Contains(term));
        }

        // Dates are compared after loading: the location's (bounded) memberships, and a provider-neutral comparison.
        var rows = await query.ToListAsync(cancellationToken);
        var filtered = rows
            .Where(x => filter.JoinedFrom is null || x.m.CreatedAt >= filter.JoinedFrom)
            .Where(x => filter.JoinedTo is null || x.m.CreatedAt < filter.JoinedTo)
            .OrderBy(x => x.u.DisplayName, StringComparer.OrdinalIgnoreCase).ThenByDescending(x => x.m.CreatedAt)
            .ToList();
        var items = filtered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(x => new MembershipListItemDto(x.m.Id, x.m.UserId, x.u.DisplayName, x.u.Email ?? "", x.m.PlanCode,
                MembershipViews.StatusName(x.m.Status), x.m.IsFrozen, x.m.StartedAt, x.m.NextBillingAt, x.m.CancelsAt, x.m.CreatedAt))
            .ToList();
        return new MembershipListPage(items, filtered.Count, filter.Page, filter.PageSize);
    }

    async Task<MembershipDto?> IMembershipRegister.FindAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Set<Membership>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        return membership is null ? null : await ToDtoAsync(membership, cancellationToken);
    }

    public async Task<MembershipDto> CancelForMemberAsync(Guid membershipId, Guid staffUserId, bool immediately, CancellationToken cancellationToken = default)
    {
        RequireLocation();
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new NotFoundException("No such membership at this gym.");
        if (!membership.IsLive)
        {
            throw new ConflictException("This membership has already ended.");
        }

        var now = time.GetUtcNow();
        if (membership.SubscriptionId is null)
        {
            membership.End(MembershipStatus.Cancelled, now);
            membership.CancellationRequestedAt = now;
            Audit(membership, staffUserId, "cancelled-by-staff", "Cancelled before the first payment.");
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var inMinimumTerm = membership.MinimumTermEndsAt is { } termEnds && termEnds > now;
            var request = immediately
                ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.Immediately, null, $"membership-cancel-now:{membership.Id:N}")
                : inMinimumTerm
                    ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtDate, membership.MinimumTermEndsAt, $"membership-cancel:{membership.Id:N}")
                    : new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtPeriodEnd, null, $"membership-cancel:{membership.Id:N}");
            var snapshot = await gateway.CancelSubscriptionAsync(request, cancellationToken);
            await db.Entry(membership).ReloadAsync(cancellationToken);
            membership.CancellationRequestedAt = now;
            if (immediately && membership.IsLive)
            {
                // The gateway's deletion event will say the same; the staff member sees it ended now either way.
                membership.End(MembershipStatus.Cancelled, snapshot.EndedAt ?? now);
            }
            else if (membership.IsLive)
            {
                membership.CancelsAt = snapshot.CancelAtPeriodEnd ? snapshot.CurrentPeriodEnd ?? snapshot.CancelAt : snapshot.CancelAt;
            }

            Audit(membership, staffUserId, immediately ? "cancelled-by-staff" : "cancel-requested-by-staff", immediately ? "Ended now." : $"Ends {membership.CancelsAt:O}.");
            await db.SaveChangesAsync(cancellationToken);
        }

        await SendAsync(membership.UserId, "Your membership has been cancelled",
            membership.IsLive && membership.CancelsAt is { } ends
                ? $"The gym has cancelled your membership. It ends on {MembershipViews.LocalDate(ends, Zone)}; you can train until then."
                : "The gym has cancelled your membership. Nothing more will be charged.", cancellationToken);
        notices.Changed(membership.UserId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await ToDtoAsync(membership, cancellationToken);
    }

    public async Task<MembershipDto> RefundAsync(Guid membershipId, Guid ledgerLineId, long? amountCents, Guid staffUserId, CancellationToken cancellationToken = default)
    {
        RequireLocation();
        var membership = await db.Set<Membership>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new NotFoundException("No such membership at this gym.");
        var charge = await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Id == ledgerLineId && e.UserId == membership.UserId, cancellationToken)
            ?? throw new NotFoundException("No such payment for this member.");
        if (charge.Kind != LedgerEntryKind.Charge || charge.InvoiceId is null)
        {
            throw new ValidationException("ledgerLineId", "Only a payment that was taken can be refunded.");
        }

        var refunded = await db.Set<LedgerEntry>().Where(e => e.Kind == LedgerEntryKind.Refund && e.InvoiceId == charge.InvoiceId)
            .Select(e => e.AmountCents).ToListAsync(cancellationToken);
        var left = charge.AmountCents + refunded.Sum();
        if (amountCents is { } asked && (asked < 1 || asked > left))
        {
            throw new ValidationException("amountCents", $"Refund between $0.01 and {Aud.Format(left)}.");
        }

        if (left <= 0)
        {
            throw new ConflictException("This payment has already been refunded in full.", "ledgerLineId");
        }

        var amount = amountCents ?? left;
        var refund = await gateway.RefundAsync(
            new RefundRequest(membership.TenantId, charge.InvoiceId, amount, RefundReason.RequestedByCustomer,
                $"membership-refund:{charge.Id:N}:{left}:{amount}", membership.UserId, charge.Id.ToString()),
            cancellationToken);

        // Record it now under the charge's id so the gateway's charge.refunded event (cumulative) updates this line.
        var reference = refund.ChargeId ?? refund.RefundId;
        var line = await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Refund && e.Reference == reference, cancellationToken);
        if (line is null)
        {
            db.Add(new LedgerEntry
            {
                UserId = membership.UserId,
                MembershipId = membership.Id,
                Kind = LedgerEntryKind.Refund,
                OccurredAt = time.GetUtcNow(),
                AmountCents = -(charge.AmountCents - left + amount),
                GstCents = -Gst.ComponentOf(charge.AmountCents - left + amount),
                Description = amount == charge.AmountCents ? "Refund" : "Partial refund",
                Reference = reference,
                InvoiceId = charge.InvoiceId,
                PaymentIntentId = refund.PaymentIntentId,
            });
        }
        else if (-line.AmountCents < charge.AmountCents - left + amount)
        {
            line.AmountCents = -(charge.AmountCents - left + amount);
            line.GstCents = Gst.ComponentOf(line.AmountCents);
        }

        db.Add(new MembershipAuditEntry
        {
            MembershipId = membership.Id,
            ActorUserId = staffUserId,
            Action = "refund",
            Detail = $"{Aud.Format(amount)} of {charge.Reference} ({refund.RefundId}).",
            At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        notices.Changed(membership.UserId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await ToDtoAsync(membership, cancellationToken);
    }

    private async Task<MembershipDto> ToDtoAsync(Membership membership, CancellationToken cancellationToken)
    {
        var planName = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == membership.PlanId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? membership.PlanCode;
        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == membership.UserId, cancellationToken);
        return MembershipViews.ToDto(membership, planName, user, await LedgerAsync(membership.UserId, cancellationToken));
    }

    private void Audit(Membership membership, Guid? actor, string action, string detail) => db.Add(new MembershipAuditEntry
    {
        MembershipId = membership.Id,
        ActorUserId = actor,
        Action = action,
        Detail = detail,
        At = time.GetUtcNow(),
    });

    private async Task SendAsync(Guid userId, string subject, string body, CancellationToken cancellationToken)
    {
        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.Email is null)
        {
            return;
        }

        try
        {
            var gym = tenant.Tenant?.Name ?? "Derrimut 24:7 Gym";
            await email.SendAsync(new EmailMessage(user.Email, user.DisplayName, $"{subject} · {gym}", $"Hi {user.DisplayName},\n\n{body}\n\n{gym}"), cancellationToken);
        }
        catch (Exception ex)
        {
            // The change is made and recorded; a lost confirmation email must not undo it or fail the request.
            logger.LogError(ex, "Could not send the membership email '{Subject}' to {User}", subject, userId);
        }
    }

    private void RequireLocation()
    {
        if (tenant.Tenant is not { IsLocation: true })
        {
            throw new ForbiddenException("Memberships belong to a gym location; use the location's own site.");
        }
    }
}
