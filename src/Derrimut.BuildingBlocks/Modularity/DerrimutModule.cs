using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Settings;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Derrimut.BuildingBlocks.Modularity;

/// <summary>
/// One module of the platform. The host lists modules explicitly (no assembly scanning); each module is the
/// single public entry of its project and contributes services, its part of the EF model, endpoints under
/// <c>/api/&lt;module&gt;</c>, permissions, settings and seed data.
/// </summary>
public abstract class DerrimutModule
{
    /// <summary>The module's name, also its database schema and the prefix of its API routes.</summary>
    public abstract string Name { get; }

    /// <summary>The modules this one needs; startup fails fast when one of them is missing or listed later.</summary>
    public virtual IReadOnlyList<Type> DependsOn => [];

    /// <summary>Registers the module's services.</summary>
    public virtual void ConfigureServices(IHostApplicationBuilder builder)
    {
    }

    /// <summary>Adds the module's tables to the one <see cref="Data.DerrimutDbContext"/> model, in the module's own schema.</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    /// <summary>Maps the module's endpoints. <paramref name="api"/> is the shared <c>/api</c> group.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
    }

    /// <summary>Declares the permissions the module checks.</summary>
    public virtual void DefinePermissions(PermissionDefinitionContext context)
    {
    }

    /// <summary>Declares the module's recurring jobs (usually <see cref="Jobs.LocationJob"/>s), run by the clustered scheduler.</summary>
    public virtual void ConfigureJobs(Jobs.JobDefinitionContext context)
    {
    }

    /// <summary>Declares the module's settings (name, default, whether secret).</summary>
    public virtual void DefineSettings(SettingDefinitionContext context)
    {
    }

    /// <summary>
    /// Declares the module's UI: its pages' assembly (usually its own), its menu entries and the sections it puts on
    /// shell pages. The host builds the router and the menu from these; it knows no module's routes.
    /// </summary>
    public virtual void DefineUi(UiDefinitionContext context)
    {
    }
}
