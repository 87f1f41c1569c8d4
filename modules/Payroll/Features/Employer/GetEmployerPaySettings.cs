using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Employer;

/// <summary>The employer's ABN and bank details, blank fields when not set up (<c>GET /api/payroll/employer</c>).</summary>
internal sealed class GetEmployerPaySettingsHandler(PayrollBook book)
{
    public Task<EmployerPaySettingsInput> HandleAsync(CancellationToken cancellationToken) =>
        book.GetEmployerAsync(cancellationToken);
}

/// <summary>The endpoint of <see cref="GetEmployerPaySettingsHandler"/>.</summary>
internal static class GetEmployerPaySettingsEndpoint
{
    public static RouteGroupBuilder MapGetEmployerPaySettings(this RouteGroupBuilder admin)
    {
        admin.MapGet("/employer", (GetEmployerPaySettingsHandler h, CancellationToken ct) => h.HandleAsync(ct)).WithName("GetEmployerPaySettings");
        return admin;
    }
}
