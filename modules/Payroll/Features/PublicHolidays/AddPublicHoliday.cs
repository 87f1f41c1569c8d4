using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

namespace Derrimut.Payroll.Features.PublicHolidays;

/// <summary>Adds a public holiday (<c>POST /api/payroll/public-holidays</c>).</summary>
internal sealed class AddPublicHolidayHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<PublicHolidayDto> HandleAsync(PublicHolidayInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.AddIf(input.Date is null, "date", "Give the date, yyyy-MM-dd.");
        errors.Required(input.Name, "name", 100);
        errors.ThrowIfAny();
        if (await db.Set<PublicHoliday>().AnyAsync(h => h.Date == input.Date, cancellationToken))
        {
            throw new ConflictException($"{Iso(input.Date!.Value)} is already a public holiday here.", "date");
        }

        var holiday = new PublicHoliday { Date = input.Date!.Value, Name = input.Name!.Trim() };
        db.Add(holiday);
        await book.SaveAsync("date", $"{Iso(holiday.Date)} is already a public holiday here.", cancellationToken);
        return new PublicHolidayDto(holiday.Id, holiday.Date, holiday.Name);
    }
}

/// <summary>The endpoint of <see cref="AddPublicHolidayHandler"/>.</summary>
internal static class AddPublicHolidayEndpoint
{
    public static RouteGroupBuilder MapAddPublicHoliday(this RouteGroupBuilder writes)
    {
        writes.MapPost("/public-holidays", async (PublicHolidayInput body, AddPublicHolidayHandler h, CancellationToken ct) =>
        {
            var holiday = await h.HandleAsync(body, ct);
            return TypedResults.Created($"/api/payroll/public-holidays/{holiday.Id}", holiday);
        }).WithName("AddPublicHoliday");
        return writes;
    }
}
