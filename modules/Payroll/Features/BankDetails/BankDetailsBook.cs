using Derrimut.BuildingBlocks.Email;
using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.Extensions.Logging;

namespace Derrimut.Payroll.Features.BankDetails;

/// <summary>
/// The bank details use cases share: the audit trail, the email telling an employee their account changed, and the
/// second-admin rule for a pay run paying into a changed account (decision 0055). Queries run under the tenant filter.
/// </summary>
internal sealed class BankDetailsBook(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IStaffDirectory staff,
    IEmailSender email,
    ISiteAddresses sites,
    TimeProvider time,
    ILogger<BankDetailsBook> logger)
{
    /// <summary>Adds an audit row to the context (saved with the caller's change, or by <see cref="SaveAuditAsync"/>).</summary>
    public void Audit(Guid? actor, string action, Guid? subject, string detail) =>
        db.Add(new BankDetailsAuditEntry { At = time.GetUtcNow(), ActorUserId = actor, Action = action, SubjectUserId = subject, Detail = detail });

    /// <summary>Writes an audit row on its own, before the numbers it records leave the server.</summary>
    public async Task SaveAuditAsync(Guid? actor, string action, Guid? subject, string detail, CancellationToken cancellationToken)
    {
        Audit(actor, action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BankDetailsAuditDto>> ListAuditAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<BankDetailsAuditEntry>().AsNoTracking().OrderByDescending(a => a.At).Take(200).ToListAsync(cancellationToken);
        var names = (await staff.ListAsync(cancellationToken)).ToDictionary(p => p.UserId, p => p.DisplayName);
        string Name(Guid? id, string none) => id is { } v ? names.GetValueOrDefault(v, "(no longer here)") : none;
        return [.. rows.Select(a => new BankDetailsAuditDto(a.At, Name(a.ActorUserId, "(system)"), a.Action, Name(a.SubjectUserId, "the gym (employer)"), a.Detail))];
    }

    /// <summary>
    /// Tells the employee their pay now goes to another account, after the change is saved: if it wasn't them who
    /// asked, they can stop the next pay run. The link comes from configuration (<see cref="ISiteAddresses"/>), never
    /// from the request. A failed email never undoes the change (it is in the audit trail either way).
    /// </summary>
    public async Task TellEmployeeAsync(Guid userId, Guid? changedBy, string ending, CancellationToken cancellationToken)
    {
        var person = await staff.FindAsync(userId, cancellationToken);
        if (person is null || string.IsNullOrEmpty(person.Email))
        {
            return;
        }

        var gym = tenant.Tenant!.Name;
        var who = changedBy is { } actor ? (await staff.FindAsync(actor, cancellationToken))?.DisplayName ?? "a payroll admin" : "a payroll admin";
        var when = time.GetUtcNow();
        var link = sites.ForCurrentSite("/payslips");
        var text = $"Hi {person.DisplayName},\n\n"
            + $"The bank account your pay from {gym} goes into was changed by {who} on {when:d MMMM yyyy} (UTC). Your pay now goes to the account ending {ending}.\n\n"
            + "If you did not ask for this, tell the gym's manager straight away, before the next pay day.\n\n"
            + $"Your payslips: {link}\n";
        try
        {
            await email.SendAsync(new EmailMessage(person.Email, person.DisplayName, $"Your bank account for pay at {gym} was changed", text), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not email {Employee} about their changed bank details", userId);
        }
    }

    /// <summary>
    /// The payslips of a run whose bank details changed since the employee was last paid: the revision copied into
    /// the payslip is newer than every revision a finalised run paid them into. Someone never paid before is not a
    /// change (there is no earlier account to compare with).
    /// </summary>
    public async Task<List<Payslip>> ChangedSinceLastPaidAsync(PayRun run, IReadOnlyList<Payslip> payslips, CancellationToken cancellationToken)
    {
        var userIds = payslips.Select(p => p.UserId).ToList();
        var paid = await (from p in db.Set<Payslip>().AsNoTracking()
                          join r in db.Set<PayRun>().AsNoTracking() on p.PayRunId equals r.Id
                          where userIds.Contains(p.UserId) && r.Status == PayRunStatus.Finalised && r.Id != run.Id
                          group p by p.UserId into g
                          select new { UserId = g.Key, Revision = g.Max(p => p.BankDetailsRevision) })
            .ToDictionaryAsync(x => x.UserId, x => x.Revision, cancellationToken);
        return [.. payslips.Where(p => paid.TryGetValue(p.UserId, out var last) && p.BankDetailsRevision > last)];
    }

    /// <summary>This gym lets one admin approve a run with changed bank details.</summary>
    public Task<bool> SingleAdminMayApproveAsync(CancellationToken cancellationToken) =>
        db.Set<EmployerPaySettings>().AsNoTracking().AnyAsync(e => e.SingleAdminMayApprove, cancellationToken);

    /// <summary>The review's words about changed bank details (empty when none changed).</summary>
    public async Task<List<string>> WarningsAsync(PayRun run, IReadOnlyList<Payslip> payslips, CancellationToken cancellationToken)
    {
        var changed = await ChangedSinceLastPaidAsync(run, payslips, cancellationToken);
        if (changed.Count == 0)
        {
            return [];
        }

        var names = string.Join(", ", changed.Select(p => p.EmployeeName).Order(StringComparer.CurrentCultureIgnoreCase));
        return await SingleAdminMayApproveAsync(cancellationToken)
            ? [$"Bank details changed since the last paid run: {names}. This gym lets one admin approve such a run (employer settings), so nobody else checks the new accounts: confirm them with each employee before approving."]
            : [$"Bank details changed since the last paid run: {names}. A second payroll admin must approve this run: not the admin who created it, nor one who changed those details."];
    }

    /// <summary>
    /// The second-admin rule: with an employee's bank details changed since their last paid run, the approver must be
    /// neither the run's creator nor whoever made the change, unless this gym lets one admin approve.
    /// </summary>
    public async Task RequireSecondAdminAsync(PayRun run, Guid approvedBy, CancellationToken cancellationToken)
    {
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == run.Id).ToListAsync(cancellationToken);
        var changed = await ChangedSinceLastPaidAsync(run, payslips, cancellationToken);
        if (changed.Count == 0 || await SingleAdminMayApproveAsync(cancellationToken))
        {
            return;
        }

        var mine = changed.Where(p => p.BankDetailsChangedBy == approvedBy).Select(p => p.EmployeeName).ToList();
        if (run.CreatedBy == approvedBy || mine.Count > 0)
        {
            var why = mine.Count > 0 ? $"you changed the bank details of {string.Join(", ", mine)}" : "you created this run";
            throw new ConflictException(
                $"Bank details changed since the last paid run ({string.Join(", ", changed.Select(p => p.EmployeeName))}), so a second payroll admin must approve this run, and {why}. Ask another admin to check the new accounts and approve.",
                "approvedBy");
        }
    }
}
