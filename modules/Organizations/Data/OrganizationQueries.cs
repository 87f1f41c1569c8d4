using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Data;

/// <summary>Compiled queries on the hot paths (tenant resolution on a cache miss, the public profile).</summary>
internal static class OrganizationQueries
{
    private static readonly ModelCompiledQuery<string, Organization?> ByIdentifierQuery = new((db, identifier) =>
        db.Set<Organization>().AsNoTracking().FirstOrDefault(o => o.Identifier == identifier));

    private static readonly ModelCompiledQuery<Guid, Organization?> ByIdQuery = new((db, id) =>
        db.Set<Organization>().AsNoTracking().FirstOrDefault(o => o.Id == id));

    public static Task<Organization?> ByIdentifier(DerrimutDbContext db, string identifier) => ByIdentifierQuery.InvokeAsync(db, identifier);

    public static Task<Organization?> ById(DerrimutDbContext db, Guid id) => ByIdQuery.InvokeAsync(db, id);

    public static OrganizationProfileDto ToProfile(Organization o) => new(
        o.Identifier,
        o.Name,
        o.Kind == TenantKind.Location ? OrganizationKind.Location : OrganizationKind.Franchise,
        o.Address is null ? null : AustralianAddressRules.ToDto(o.Address),
        o.Phone,
        o.Email,
        o.TimeZone,
        o.Currency,
        o.OpeningHours.Select(OpeningHoursRules.ToDto).ToList(),
        o.IsOpen24x7,
        o.Amenities,
        o.PhotoUrl);
}
