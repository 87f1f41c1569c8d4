using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Settings;

namespace Derrimut.BuildingBlocks.Modularity;

/// <summary>The ordered, validated list of modules the host runs.</summary>
public sealed class ModuleCatalog
{
    /// <summary>Validates the list: no duplicates, and every dependency is present earlier in the list.</summary>
    public ModuleCatalog(IEnumerable<DerrimutModule> modules)
    {
        var ordered = modules.ToList();
        var seen = new HashSet<Type>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in ordered)
        {
            // The name is the module's schema and route prefix: two modules must never share one.
            if (!seen.Add(module.GetType()) || !names.Add(module.Name))
            {
                throw new InvalidOperationException($"Module '{module.Name}' is listed twice.");
            }

            foreach (var dependency in module.DependsOn)
            {
                if (dependency == module.GetType())
                {
                    throw new InvalidOperationException($"Module '{module.Name}' depends on itself.");
                }

                if (!seen.Contains(dependency))
                {
                    var listedLater = ordered.Any(m => m.GetType() == dependency);
                    throw new InvalidOperationException(listedLater
                        ? $"Module '{module.Name}' depends on '{dependency.Name}', which must be listed before it."
                        : $"Module '{module.Name}' depends on '{dependency.Name}', which is not in the host's module list.");
                }
            }
        }

        Modules = ordered;
        Permissions = new PermissionDefinitionContext();
        Settings = new SettingDefinitionContext();
        Ui = new UiDefinitionContext();
        Jobs = new Jobs.JobDefinitionContext();
        foreach (var module in ordered)
        {
            Permissions.CurrentModule = module.Name;
            module.DefinePermissions(Permissions);
            Settings.CurrentModule = module.Name;
            module.DefineSettings(Settings);
            module.DefineUi(Ui);
            Jobs.CurrentModule = module.Name;
            module.ConfigureJobs(Jobs);
        }

        // The kernel's own: stored answers to idempotent API writes are for retries, not for ever (decision 0068).
        Jobs.CurrentModule = "Kernel";
        Jobs.AddRecurring<Http.PurgeIdempotentRequestsJob>(Http.IdempotencyKeys.PurgeJobName, "0 41 * * * ?",
            "Deletes stored answers to API writes made with an Idempotency-Key once they are older than Idempotency:Retention (24 h).");
    }

    /// <summary>The modules, lower modules first.</summary>
    public IReadOnlyList<DerrimutModule> Modules { get; }

    /// <summary>Every permission declared by the modules.</summary>
    public PermissionDefinitionContext Permissions { get; }

    /// <summary>Every setting declared by the modules.</summary>
    public SettingDefinitionContext Settings { get; }

    /// <summary>The modules' pages, menu entries and page sections.</summary>
    public UiDefinitionContext Ui { get; }
    /// <summary>Every recurring job declared by the modules.</summary>
    public Jobs.JobDefinitionContext Jobs { get; }
}
