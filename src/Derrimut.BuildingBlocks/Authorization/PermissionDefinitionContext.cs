namespace Derrimut.BuildingBlocks.Authorization;

/// <summary>A permission a module checks, e.g. <c>manage:organization</c>.</summary>
/// <param name="Name">The permission name, <c>verb:object</c>.</param>
/// <param name="Module">The module that declared it.</param>
/// <param name="Description">What holding it allows, in the gym's words.</param>
/// <param name="Scope">Where the permission is meaningful.</param>
/// <param name="DefaultRoles">Membership roles that hold it unless a gym's admin changes the grant (location admins
/// hold every tenant permission by default).</param>
public sealed record PermissionDefinition(string Name, string Module, string Description, PermissionScope Scope, IReadOnlyList<string> DefaultRoles)
{
    /// <summary>
    /// Whether a person must have two-factor sign-in on to use it (decision 0059): people management, payroll,
    /// billing. Platform permissions always need it (only superadmins hold them, and superadmins always need it).
    /// </summary>
    public bool RequiresTwoFactor { get; init; }
}

/// <summary>Where a permission can be granted.</summary>
public enum PermissionScope
{
    /// <summary>Granted to roles at a location or franchise.</summary>
    Tenant,

    /// <summary>Only meaningful for platform superadmins.</summary>
    Platform,
}

/// <summary>Collects the permissions the modules declare; names are unique across modules.</summary>
public sealed class PermissionDefinitionContext
{
    private readonly Dictionary<string, PermissionDefinition> _definitions = new(StringComparer.Ordinal);

    internal string CurrentModule { get; set; } = "";

    /// <summary>All declared permissions.</summary>
    public IReadOnlyCollection<PermissionDefinition> All => _definitions.Values;

    /// <summary>Declares a permission; <paramref name="defaultRoles"/> hold it by default at every gym.</summary>
    public PermissionDefinitionContext Add(string name, string description, PermissionScope scope = PermissionScope.Tenant, params string[] defaultRoles)
    {
        if (!_definitions.TryAdd(name, new PermissionDefinition(name, CurrentModule, description, scope, defaultRoles)))
        {
            throw new InvalidOperationException($"Permission '{name}' is declared twice (by '{_definitions[name].Module}' and '{CurrentModule}').");
        }

        return this;
    }

    /// <summary>
    /// Marks permissions declared so far as powerful: a person uses them only with two-factor sign-in on, where the
    /// deployment requires it (decision 0059).
    /// </summary>
    public PermissionDefinitionContext RequireTwoFactor(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            var definition = _definitions.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"Permission '{name}' must be declared before it is marked as needing two-factor sign-in.");
            _definitions[name] = definition with { RequiresTwoFactor = true };
        }

        return this;
    }

    /// <summary>Whether using <paramref name="name"/> needs two-factor sign-in (marked, or a platform permission).</summary>
    public bool NeedsTwoFactor(string name) =>
        _definitions.GetValueOrDefault(name) is { } d && (d.RequiresTwoFactor || d.Scope == PermissionScope.Platform);

    /// <summary>Whether the name was declared by some module.</summary>
    public bool IsDefined(string name) => _definitions.ContainsKey(name);

    /// <summary>Finds a declared permission.</summary>
    public PermissionDefinition? Find(string name) => _definitions.GetValueOrDefault(name);
}
