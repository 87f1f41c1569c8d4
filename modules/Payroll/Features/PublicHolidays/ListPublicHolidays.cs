using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PublicHolidays;

/// <summary>This location's public holidays in a year (<c>GET /api/payroll/public-holidays?year=</c>).</summary>
internal sealed class ListPublicHolidaysHandler(DerrimutDbContext db)
{
    public async Task<IReadOnlyList<PublicHolidayDto>> HandleAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException("year", "Give a year between 2000 and 2100.");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var holidays = await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(cancellationToken);
        return [.. holidays.Select(h => new PublicHolidayDto(h.Id, h.Date, h.Name))];
    }
}

/// <summary>The endpoint of <see cref="ListPublicHolidaysHandler"/>.</summary>
internal static class ListPublicHolidaysEndpoint
{
    public static RouteGroupBuilder MapListPublicHolidays(this RouteGroupBuilder admin)
    {
        admin.MapGet("/public-holidays", (int? year, ListPublicHolidaysHandler h, TimeProvider time, CancellationToken ct) => h.HandleAsync(year ?? time.GetUtcNow().Year, ct))
            .WithName("ListPublicHolidays");
        return admin;
    }
}
