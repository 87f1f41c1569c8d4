using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A module's hottest reads, run once by a starting node before it reports ready (decision 0091). EF Core translates
/// each query shape on its first run (tens of milliseconds each on a starting node), so the first signed-in request
/// after a start paid for every query on its path. A module runs its reads here for a person no gym has, in a scope
/// whose gym is <see cref="WarmUpReads.NoGym"/>: the tenant filters see no rows, so nothing is found, cached or written.
/// </summary>
public interface IWarmUpReads
{
    /// <summary>Runs the reads in <paramref name="services"/>' scope (its gym is <see cref="WarmUpReads.NoGym"/>).</summary>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>The warm-up's gym and person, which no row can belong to, and the registration of a module's reads.</summary>
public static class WarmUpReads
{
    /// <summary>A subdomain label no gym can have: labels never start with a hyphen.</summary>
    public const string NoGymsLabel = "-warm-up-";

    /// <summary>A location no row belongs to: its id is empty and its label is no gym's.</summary>
    public static readonly TenantInfo NoGym = new(Guid.Empty, NoGymsLabel, "Warm-up", TenantKind.Location, Guid.Empty, TenantState.Active, "Australia/Melbourne", "AUD");

    /// <summary>A person id no account has.</summary>
    public static readonly Guid NoOne = Guid.Empty;

    /// <summary>Registers a module's warm-up reads.</summary>
    public static IServiceCollection AddWarmUpReads<TReads>(this IServiceCollection services)
        where TReads : class, IWarmUpReads =>
        services.AddSingleton<IWarmUpReads, TReads>();
}
