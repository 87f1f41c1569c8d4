using Derrimut.Bookings.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.ListClientPlans;

/// <summary>
/// Answers Bookings' <see cref="IClientPlans"/> seam (the trainer's client roster) from the plans table; the tenant filter
/// keeps it inside the location. AiPlans sits above Bookings, so it fills the seam rather than Bookings calling up.
/// </summary>
internal sealed class ClientPlans(DerrimutDbContext db) : IClientPlans
{
    public async Task<IReadOnlyDictionary<Guid, ClientPlanGlance>> ActivePlansAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return new Dictionary<Guid, ClientPlanGlance>();
        }

        var ids = memberIds.Distinct().ToList();
        var plans = await db.Set<MemberPlan>().AsNoTracking()
            .Where(p => p.ActiveMemberId != null && ids.Contains(p.MemberId))
            .Select(p => new { p.Id, p.MemberId, p.Name, p.TargetCalories, p.TrainingDays, p.CreatedAt })
            .ToListAsync(cancellationToken);
        return plans.ToDictionary(p => p.MemberId, p => new ClientPlanGlance(p.Id, p.MemberId, p.Name, p.TargetCalories, p.TrainingDays, p.CreatedAt, $"/trainer/plans/{p.Id}"));
    }
}
