namespace Derrimut.Kernel.Tests;

/// <summary>Builds <see cref="TenantInfo"/> test data: an active Melbourne location unless told otherwise.</summary>
internal static class Tenants
{
    public static TenantInfo Location(string identifier, TenantState state = TenantState.Active, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), identifier, $"Derrimut {identifier}", TenantKind.Location, Guid.NewGuid(), state,
            "Australia/Melbourne", "AUD");
}
