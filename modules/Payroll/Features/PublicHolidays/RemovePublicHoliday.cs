using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PublicHolidays;

/// <summary>Removes a public holiday (<c>DELETE /api/payroll/public-holidays/{id}</c>).</summary>
internal sealed class RemovePublicHolidayHandler(DerrimutDbContext db)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var holiday = await db.Set<PublicHoliday>().FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new NotFoundException("No such public holiday here.");
        db.Remove(holiday);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="RemovePublicHolidayHandler"/>.</summary>
internal static class RemovePublicHolidayEndpoint
{
    public static RouteGroupBuilder MapRemovePublicHoliday(this RouteGroupBuilder writes)
    {
        writes.MapDelete("/public-holidays/{id:guid}", async (Guid id, RemovePublicHolidayHandler h, CancellationToken ct) =>
        {
            await h.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("RemovePublicHoliday");
        return writes;
    }
}
