using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Data;

/// <summary>Compiled queries on the hot paths (tenant resolution on a cache miss, the public profile).</summary>
internal static class OrganizationQueries
{
    public static readonly Func<DerrimutDbContext, string, Task<Organization?>> ByIdentifier =
        EF.CompileAsyncQuery((DerrimutDbContext db, string identifier) =>
            db.Set<Organization>().AsNoTracking().FirstOrDefault(o => o.Identifier == identifier));

    public static readonly Func<DerrimutDbContext, Guid, Task<Organization?>> ById =
        EF.CompileAsyncQuery((DerrimutDbContext db, Guid id) =>
            db.Set<Organization>().AsNoTracking().FirstOrDefault(o => o.Id == id));

    public static OrganizationProfileDto ToProfile(Organization o) => new(
        o.Identifier,
        o.Name,
        o.Kind == TenantKind.Location ? "location" : "franchise",
        o.Address is null ? null : AustralianAddressRules.ToDto(o.Address),
        o.Phone,
        o.Email,
        o.TimeZone,
        o.Currency,
        o.OpeningHours.Select(OpeningHoursRules.ToDto).ToList(),
        o.IsOpen24x7,
        o.Amenities);
}
