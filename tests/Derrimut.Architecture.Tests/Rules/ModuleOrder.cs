namespace Derrimut.Architecture.Tests.Rules;

/// <summary>
/// The modules in layers, lowest first. A module may depend on modules in lower layers only; modules in the same
/// layer are peers and must not depend on each other.
/// </summary>
internal sealed class ModuleOrder
{
    private readonly Dictionary<string, int> _layers = new(StringComparer.Ordinal);

    public ModuleOrder(params IReadOnlyList<string>[] layers)
    {
        for (var layer = 0; layer < layers.Length; layer++)
        {
            foreach (var module in layers[layer])
            {
                if (!_layers.TryAdd(module, layer))
                {
                    throw new ArgumentException($"Module '{module}' appears in two layers.", nameof(layers));
                }
            }
        }
    }

    /// <summary>ARCHITECTURE.md §3: Organizations → Identity → Billing → Memberships → Bookings → {Marketplace, Payroll, AiPlans} → Reporting.</summary>
    public static ModuleOrder Documented { get; } = new(
        ["Organizations"],
        ["Identity"],
        ["Billing"],
        ["Memberships"],
        ["Bookings"],
        ["Marketplace", "Payroll", "AiPlans"],
        ["Reporting"]);

    public IEnumerable<string> Modules => _layers.Keys;

    public bool Contains(string module) => _layers.ContainsKey(module);

    /// <summary>The module's layer (0 = lowest), or null when the module is not in the order.</summary>
    public int? LayerOf(string module) => _layers.TryGetValue(module, out var layer) ? layer : null;
}
