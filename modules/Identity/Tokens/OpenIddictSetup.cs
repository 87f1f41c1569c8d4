using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// OpenIddict 7.8 as the authorization server: authorization code + PKCE and refresh tokens for the member app,
/// client credentials for integrations, at every location's site and the platform's (each its own issuer, decision 0061). The password grant is deliberately not enabled (RFC 9700 §2.4).
/// </summary>
internal static class OpenIddictSetup
{
    /// <summary>The scheme that validates bearer access tokens in this process.</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static void Add(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var insecureHttp = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            || configuration.GetValue<bool>("Identity:AllowHttp");

        builder.Services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<DerrimutDbContext>();
                o.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, LoopbackRedirectApplicationManager>();
                o.ReplaceTokenManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken, RevocationAwareTokenManager>();
            })
            .AddServer(o =>
            {
                // No fixed issuer: each site that signs people in is its own, built from configuration and the
                // request's tenant (decision 0061), so discovery at st-albans names st-albans and its tokens work only there.
                o.AddEventHandler(ServerIssuerFromSite.Descriptor);
                o.AddEventHandler(NoIssuerAtAFranchiseSite.Descriptor);
                o.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetJsonWebKeySetEndpointUris("/.well-known/jwks");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                o.SetAccessTokenLifetime(configuration.GetValue("Identity:AccessTokenLifetime", TimeSpan.FromMinutes(30)));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(30));

                // Keys: without configured certificates (Development, tests, single node) they are ephemeral, so
                // tokens die with the process; production configures Identity:SigningCertificatePath/-Password
                // and Identity:EncryptionCertificatePath/-Password shared by every node.
                if (configuration["Identity:SigningCertificatePath"] is { Length: > 0 } signing
                    && configuration["Identity:EncryptionCertificatePath"] is { Length: > 0 } encryption)
                {
                    o.AddSigningCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(signing, configuration["Identity:SigningCertificatePassword"]));
                    o.AddEncryptionCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(encryption, configuration["Identity:EncryptionCertificatePassword"]));
                }
                else
                {
                    o.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }

                // Integration clients' access tokens are signed only; people's stay encrypted (decision 0051).
                o.AddEventHandler(SignedOnlyClientAccessTokens.Descriptor);

                var aspNetCore = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough();
                if (insecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // Tokens are accepted only at the site whose issuer they carry (decision 0061).
                o.AddEventHandler(ValidationIssuerFromSite.Descriptor);
                // Revoked tokens (and those of removed clients) stop working at once, not at expiry.
                o.EnableTokenEntryValidation();
                // ...looked up on every call for people; an integration client's valid token is remembered for
                // Identity:IntegrationTokenRecheck (5 s) so a door swipe does not ask the database (decision 0051).
                o.RemoveEventHandler(OpenIddict.Validation.OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor);
                o.AddEventHandler(RememberedTokenEntryValidation.Descriptor);
            });
        // Bearer requests come here first: an integration client's validated token is remembered (decision 0077).
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, RememberedBearerHandler>(
            Contracts.BearerAuthentication.Scheme,
            o =>
            {
                o.ForwardChallenge = BearerScheme;
                o.ForwardForbid = BearerScheme;
            });
        builder.Services.AddSingleton(sp => new IntegrationTokenEntries(
            sp.GetRequiredService<TimeProvider>(),
            configuration.GetValue("Identity:IntegrationTokenRecheck", TimeSpan.FromSeconds(5)),
            configuration.GetValue<bool>("Identity:EncryptIntegrationTokens")));
    }
}
