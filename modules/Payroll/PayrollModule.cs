using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Features.Calculator;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll;

/// <summary>Australian payroll for a location's staff and trainers: PAYG withholding, super, pay runs, ABA files.</summary>
public sealed class PayrollModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Payroll";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(IdentityModule)];

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => CalculatorEndpoints.Map(api);

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.Add(PayrollPermissions.ManagePayroll, "Run payroll at this gym: pay settings, timesheets, pay runs and the tax calculator.");
}
