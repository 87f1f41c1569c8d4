using System.Security.Claims;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.TaxTables;

/// <summary>
/// <c>/api/platform/payroll/tax-tables</c>: the dated NAT 1004 tables and super guarantee rules, for superadmins on the
/// platform site only (a gym's site gets 404, anyone else 403). Thin: the rules live in <see cref="PayrollTaxTables"/>,
/// which the platform page uses too.
/// </summary>
internal static class TaxTableEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/platform/payroll/tax-tables")
            .RequirePlatformScope()
            .RequireAuthorization(PayrollPermissions.ManageTaxTables)
            .WithTags("Platform: payroll tax tables");
        group.MapGet("/", (IPayrollTaxTables tables, CancellationToken ct) => tables.ListAsync(ct)).WithName("ListPayrollTaxTables")
            .WithSummary("Every dated withholding table and super guarantee rule, and the gaps a pay run would refuse.");
        var writes = group.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        writes.MapPost("/withholding", async (WithholdingTableInput body, ClaimsPrincipal me, IPayrollTaxTables tables, CancellationToken ct) =>
        {
            var table = await tables.AddWithholdingTableAsync(body, PayrollEndpoints.Me(me), NameOf(me), ct);
            return TypedResults.Created($"/api/platform/payroll/tax-tables/withholding/{table.Id}", table);
        }).WithName("AddWithholdingTable").WithSummary("Adds one scale's NAT 1004 table from an effective date (every band, no gaps or overlaps, with its source).");
        writes.MapPost("/super", async (SuperGuaranteeRuleInput body, ClaimsPrincipal me, IPayrollTaxTables tables, CancellationToken ct) =>
        {
            var rule = await tables.AddSuperRuleAsync(body, PayrollEndpoints.Me(me), NameOf(me), ct);
            return TypedResults.Created($"/api/platform/payroll/tax-tables/super/{rule.Id}", rule);
        }).WithName("AddSuperGuaranteeRule").WithSummary("Adds a financial year's super guarantee rate, basis and maximum contribution base.");
    }

    /// <summary>Who to record in the audit trail: the signed-in person's email or name.</summary>
    internal static string NameOf(ClaimsPrincipal me) =>
        me.FindFirstValue(ClaimTypes.Email) ?? me.FindFirstValue("email") ?? me.FindFirstValue(ClaimTypes.Name) ?? me.FindFirstValue("name") ?? "superadmin";
}
