using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PaySettings;

/// <summary>Everyone who works here, with their pay settings (<c>GET /api/payroll/employees</c>).</summary>
internal sealed class ListPayrollEmployeesHandler(DerrimutDbContext db, IStaffDirectory staff)
{
    public async Task<IReadOnlyList<PayrollEmployeeDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var people = await staff.ListAsync(cancellationToken);
        var settings = await db.Set<EmployeePaySettings>().AsNoTracking().ToDictionaryAsync(s => s.UserId, cancellationToken);
        return [.. people.Select(p => new PayrollEmployeeDto(p.UserId, p.DisplayName, p.Email, p.Roles, settings.TryGetValue(p.UserId, out var s) ? PayrollBook.ToDto(s) : null))];
    }
}

/// <summary>The endpoint of <see cref="ListPayrollEmployeesHandler"/>.</summary>
internal static class ListPayrollEmployeesEndpoint
{
    public static RouteGroupBuilder MapListPayrollEmployees(this RouteGroupBuilder admin)
    {
        admin.MapGet("/employees", (ListPayrollEmployeesHandler h, CancellationToken ct) => h.HandleAsync(ct)).WithName("ListPayrollEmployees");
        return admin;
    }
}
