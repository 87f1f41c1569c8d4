using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Seeding;

/// <summary>
/// The first-party public client <c>derrimut-app</c> (the member app): authorization code with PKCE and refresh
/// tokens, loopback redirect URIs on any port (RFC 8252). Needed in every environment, so not demo data.
/// </summary>
internal sealed class ApplicationSeeder : IDataSeedContributor
{
    public const string AppClientId = "derrimut-app";

    public int Order => 11;

    public async Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var applications = context.Services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(AppClientId, cancellationToken) is not null)
        {
            return;
        }

        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = AppClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Derrimut member app",
            RedirectUris = { new Uri("http://127.0.0.1/callback"), new Uri("http://[::1]/callback") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, cancellationToken);
    }

    public Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
