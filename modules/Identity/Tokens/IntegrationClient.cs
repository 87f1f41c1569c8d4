namespace Derrimut.Identity.Tokens;

/// <summary>
/// An integration (client-credentials) client a location admin created, mirrored here so the tenant filter scopes
/// listing and removal; the credentials themselves live in OpenIddict's application table.
/// </summary>
internal sealed class IntegrationClient : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string ClientId { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Permissions { get; set; } = [];

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
