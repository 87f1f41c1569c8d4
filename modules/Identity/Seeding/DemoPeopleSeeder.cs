using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Identity.Seeding;

/// <summary>
/// Demo people for Development (password <see cref="DemoPassword"/>, documented in the README): a superadmin, an
/// admin per location, a franchise admin for derrimut-group, two trainers, members at st-albans and werribee, and
/// one member of both. Idempotent: existing people and access rows are left as they are.
/// </summary>
internal sealed class DemoPeopleSeeder(TimeProvider time) : IDataSeedContributor
{
    public const string DemoPassword = "Derrimut!2026";
    private const string Domain = "derrimut.localhost";

    private static readonly (string Email, string Name)[] People =
    [
        ($"superadmin@{Domain}", "Sam Superadmin"),
        ($"franchise-admin@{Domain}", "Fiona Franchise"),
        ($"multi@{Domain}", "Marco Multisite"),
        ($"member@st-albans.{Domain}", "Mia Member"),
        ($"member2@st-albans.{Domain}", "Tom Nguyen"),
        ($"member3@st-albans.{Domain}", "Aisha Rahman"),
        ($"member@werribee.{Domain}", "Wes Member"),
        ($"member2@werribee.{Domain}", "Grace Papadopoulos"),
        ($"trainer@st-albans.{Domain}", "Tara Trainer"),
        ($"trainer@werribee.{Domain}", "Liam O'Brien"),
    ];

    /// <summary>Location roles: location → (email, roles).</summary>
    private static readonly Dictionary<string, (string Email, string[] Roles)[]> LocationRoles = new(StringComparer.Ordinal)
    {
        ["st-albans"] =
        [
            ($"member@st-albans.{Domain}", [IdentityRoles.Member]), ($"member2@st-albans.{Domain}", [IdentityRoles.Member]),
            ($"member3@st-albans.{Domain}", [IdentityRoles.Member]), ($"trainer@st-albans.{Domain}", [IdentityRoles.Trainer]),
            ($"multi@{Domain}", [IdentityRoles.Member]),
        ],
        ["werribee"] =
        [
            ($"member@werribee.{Domain}", [IdentityRoles.Member]), ($"member2@werribee.{Domain}", [IdentityRoles.Member]),
            ($"trainer@werribee.{Domain}", [IdentityRoles.Trainer]), ($"multi@{Domain}", [IdentityRoles.Member]),
        ],
    };

    public int Order => 10;

    public async Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData)
        {
            return;
        }

        var users = context.Services.GetRequiredService<UserManager<DerrimutUser>>();
        var locations = new[] { "derrimut", "st-albans", "sunshine-west", "werribee", "coburg" };
        foreach (var (email, name) in People.Concat(locations.Select(l => ($"admin@{l}.{Domain}", $"Admin {l}"))))
        {
            await EnsureUserAsync(users, email, name, email.StartsWith("superadmin@", StringComparison.Ordinal));
        }
    }

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        var users = context.Services.GetRequiredService<UserManager<DerrimutUser>>();
        if (tenant.Kind == TenantKind.Franchise)
        {
            if (tenant.Identifier == "derrimut-group" && await users.FindByEmailAsync($"franchise-admin@{Domain}") is { } franchiseAdmin
                && !await db.Set<FranchiseAccess>().AnyAsync(m => m.UserId == franchiseAdmin.Id, cancellationToken))
            {
                db.Add(new FranchiseAccess { UserId = franchiseAdmin.Id, Roles = [IdentityRoles.Admin] });
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        var wanted = LocationRoles.GetValueOrDefault(tenant.Identifier, []).Append(($"admin@{tenant.Identifier}.{Domain}", [IdentityRoles.Admin]));
        foreach (var (email, roles) in wanted)
        {
            if (await users.FindByEmailAsync(email) is { } user && !await db.Set<LocationAccess>().AnyAsync(m => m.UserId == user.Id, cancellationToken))
            {
                db.Add(new LocationAccess { UserId = user.Id, Roles = [.. roles] });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(UserManager<DerrimutUser> users, string email, string name, bool superAdmin)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new DerrimutUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            IsSuperAdmin = superAdmin,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
