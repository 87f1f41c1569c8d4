using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Exports;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using System.Security.Claims;
using System.Text;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

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
