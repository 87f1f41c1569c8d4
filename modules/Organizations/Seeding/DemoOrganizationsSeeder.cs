using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Seeding;

/// <summary>
/// Demo franchises and locations for Development: franchise <c>derrimut-group</c> (identifiers are unique across
/// franchises and locations, and the Derrimut location already holds <c>derrimut</c>) with four locations, and
/// franchise <c>northside</c> with <c>coburg</c> for cross-franchise tests. Idempotent by identifier.
/// </summary>
internal sealed class DemoOrganizationsSeeder(TimeProvider time) : IDataSeedContributor
{
    public const string DerrimutFranchise = "derrimut-group";
    public const string NorthsideFranchise = "northside";

    private static readonly string[] FullAmenities = ["free-weights", "cardio", "strength-machines", "group-classes", "personal-training", "showers", "lockers", "parking"];

    public int Order => 0;

    public async Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        var catalog = context.Services.GetRequiredService<ITenantCatalog>();
        var derrimut = await EnsureAsync(db, Franchise(DerrimutFranchise, "Derrimut 24:7 Gym", "Level 2, 15 William Street", "Melbourne", "3000"), cancellationToken);
        var northside = await EnsureAsync(db, Franchise(NorthsideFranchise, "Northside Fitness Group", "88 Bell Street", "Preston", "3072"), cancellationToken);

        var locations = new[]
        {
            Location(derrimut, "derrimut", "52170214042", "Derrimut 24:7 Gym Derrimut", "48 Swann Drive", "Derrimut", "3026", "(03) 9394 1000", [.. FullAmenities, "boxing", "sauna", "recovery"]),
            Location(derrimut, "st-albans", "51917329202", "Derrimut 24:7 Gym St Albans", "351 Main Road East", "St Albans", "3021", "(03) 9366 2000", [.. FullAmenities, "boxing"]),
            Location(derrimut, "sunshine-west", "19088484839", "Derrimut 24:7 Gym Sunshine West", "590 Ballarat Road", "Sunshine West", "3020", "(03) 9311 3000", [.. FullAmenities, "women-only-area", "creche"]),
            Location(derrimut, "werribee", "39207369568", "Derrimut 24:7 Gym Werribee", "2/100 Synnot Street", "Werribee", "3030", "(03) 9741 4000", [.. FullAmenities, "pool", "spin", "yoga"]),
            Location(northside, "coburg", "91720554542", "Northside Fitness Coburg", "420 Sydney Road", "Coburg", "3058", "(03) 9383 5000", ["free-weights", "cardio", "crossfit", "showers"]),
        };

        foreach (var location in locations)
        {
            await EnsureAsync(db, location, cancellationToken);
        }

        foreach (var organization in locations.Append(derrimut).Append(northside))
        {
            await catalog.InvalidateAsync(organization.Id, [organization.Identifier], cancellationToken);
        }
    }

    public Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<Organization> EnsureAsync(DerrimutDbContext db, Organization organization, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Identifier == organization.Identifier, cancellationToken);
        if (existing is not null)
        {
            // Databases seeded before locations had an ABN get the demo one (never overwriting a real one).
            if (existing.Abn is null && organization.Abn is not null)
            {
                existing.Abn = organization.Abn;
                await db.SaveChangesAsync(cancellationToken);
            }

            return existing;
        }

        organization.CreatedAt = organization.UpdatedAt = time.GetUtcNow();
        db.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    private static Organization Franchise(string identifier, string name, string street, string suburb, string postcode) => new()
    {
        Id = Guid.CreateVersion7(),
        Identifier = identifier,
        Name = name,
        Kind = TenantKind.Franchise,
        State = TenantState.Active,
        Address = new AustralianAddress { Street = street, Suburb = suburb, State = "VIC", Postcode = postcode },
        Email = $"hello@{identifier}.derrimut.com.au",
    };

    private static Organization Location(Organization franchise, string identifier, string abn, string name, string street, string suburb, string postcode, string phone, string[] amenities) => new()
    {
        Id = Guid.CreateVersion7(),
        Identifier = identifier,
        Name = name,
        Kind = TenantKind.Location,
        ParentId = franchise.Id,
        State = TenantState.Active,
        Address = new AustralianAddress { Street = street, Suburb = suburb, State = "VIC", Postcode = postcode },
        Phone = phone,
        Email = $"{identifier}@derrimut.com.au",
        Abn = abn, // demo ABNs: valid check digits, not real businesses
        IsOpen24x7 = true,
        // Staffed hours: the doors open 24/7 with a member tag, reception is staffed at these times.
        OpeningHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new DailyHours(d, new TimeOnly(6, 0), new TimeOnly(21, 0), false)),
            new DailyHours(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(16, 0), false),
            new DailyHours(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(14, 0), false),
        ],
        Amenities = amenities.Distinct(StringComparer.Ordinal).ToList(),
    };
}
