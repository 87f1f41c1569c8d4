using System.Text.Json.Serialization;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Features.PlatformTenants;

/// <summary>The editable profile of a tenant, shared by create and update.</summary>
internal abstract record TenantProfileRequest : IValidatable
{
    public string Name { get; init; } = "";

    public string? Identifier { get; init; }

    public AddressDto? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? TimeZone { get; init; }

    public string? Currency { get; init; }

    public bool IsOpen24x7 { get; init; }

    public IReadOnlyList<OpeningHoursDto>? OpeningHours { get; init; }

    public IReadOnlyList<string>? Amenities { get; init; }

    protected abstract bool IsLocation { get; }

    public virtual void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 200);
        if (TenantIdentifier.Validate(Identifier) is { } identifierError)
        {
            errors.Add("identifier", identifierError);
        }

        if (IsLocation || Address is not null)
        {
            AustralianAddressRules.Validate(Address, errors, "address");
        }

        errors.MaxLength(Phone, "phone", 32);
        errors.MaxLength(Email, "email", 254);
        errors.AddIf(Email is not null && !System.Net.Mail.MailAddress.TryCreate(Email, out _), "email", "The email address is not valid.");
        errors.AddIf(TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _), "timeZone",
            $"'{TimeZone}' is not a known IANA time zone (e.g. 'Australia/Melbourne').");
        errors.AddIf(Currency is not null && Currency != Organization.DefaultCurrency, "currency", "Only AUD is supported.");
        OpeningHoursRules.Validate(OpeningHours, errors, "openingHours");
        AmenityCatalog.Validate(Amenities, errors, "amenities");
    }

    public void ApplyTo(Organization organization)
    {
        organization.Name = Name.Trim();
        organization.Identifier = Identifier!;
        organization.Address = Address is null ? null : AustralianAddressRules.ToEntity(Address);
        organization.Phone = Phone?.Trim();
        organization.Email = Email?.Trim();
        organization.TimeZone = TimeZone ?? Organization.DefaultTimeZone;
        organization.Currency = Currency ?? Organization.DefaultCurrency;
        organization.IsOpen24x7 = IsOpen24x7;
        organization.OpeningHours = OpeningHoursRules.ToEntity(OpeningHours);
        organization.Amenities = (this.Amenities ?? []).Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>Body of <c>POST /api/platform/tenants</c>.</summary>
internal sealed record CreateTenantRequest : TenantProfileRequest
{
    /// <summary>"franchise" or "location".</summary>
    public string Kind { get; init; } = "";

    /// <summary>The franchise a location belongs to (required for locations).</summary>
    public Guid? FranchiseId { get; init; }

    /// <summary>Open immediately (true) or start in Provisioning (false, the default).</summary>
    public bool Activate { get; init; }

    [JsonIgnore]
    public TenantKind? ParsedKind => Kind switch { "franchise" => TenantKind.Franchise, "location" => TenantKind.Location, _ => null };

    protected override bool IsLocation => ParsedKind == TenantKind.Location;

    public override void Validate(ValidationErrors errors)
    {
        errors.AddIf(ParsedKind is null, "kind", "The kind must be 'franchise' or 'location'.");
        errors.AddIf(ParsedKind == TenantKind.Location && FranchiseId is null, "franchiseId", "A location needs the franchise it belongs to.");
        errors.AddIf(ParsedKind == TenantKind.Franchise && FranchiseId is not null, "franchiseId", "A franchise does not belong to another franchise.");
        base.Validate(errors);
    }
}

/// <summary>Body of <c>PUT /api/platform/tenants/{id}</c>: the whole profile plus the version it was read at.</summary>
internal sealed record UpdateTenantRequest : TenantProfileRequest
{
    /// <summary>The version the caller read; a stale one gets 409.</summary>
    public long Version { get; init; }

    /// <summary>Set by the handler from the stored row: addresses are required for locations.</summary>
    [JsonIgnore]
    public bool ForLocation { get; init; }

    protected override bool IsLocation => ForLocation;
}
