namespace Derrimut.BuildingBlocks.Settings;

/// <summary>A setting a module reads; resolved location → franchise → platform → <see cref="DefaultValue"/>.</summary>
/// <param name="Name">Dotted name, e.g. <c>Organizations.DefaultTimeZone</c>.</param>
/// <param name="Module">The declaring module.</param>
/// <param name="DefaultValue">Used when nobody has set it.</param>
/// <param name="IsSecret">Secrets are encrypted at rest, never logged and never returned by an API.</param>
public sealed record SettingDefinition(string Name, string Module, string? DefaultValue, bool IsSecret);

/// <summary>Collects the settings the modules declare.</summary>
public sealed class SettingDefinitionContext
{
    private readonly Dictionary<string, SettingDefinition> _definitions = new(StringComparer.Ordinal);

    internal string CurrentModule { get; set; } = "";

    /// <summary>All declared settings.</summary>
    public IReadOnlyCollection<SettingDefinition> All => _definitions.Values;

    /// <summary>Declares a setting.</summary>
    public SettingDefinitionContext Add(string name, string? defaultValue, bool isSecret = false)
    {
        if (!_definitions.TryAdd(name, new SettingDefinition(name, CurrentModule, defaultValue, isSecret)))
        {
            throw new InvalidOperationException($"Setting '{name}' is declared twice.");
        }

        return this;
    }

    /// <summary>Finds a declared setting.</summary>
    public SettingDefinition? Find(string name) => _definitions.GetValueOrDefault(name);
}
