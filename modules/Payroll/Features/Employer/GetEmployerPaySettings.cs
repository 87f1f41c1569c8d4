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
