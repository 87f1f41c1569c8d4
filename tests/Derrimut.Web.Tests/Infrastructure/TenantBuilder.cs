using System.Text.Json;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>A created tenant, as the tests need it.</summary>
public sealed record TestTenant(Guid Id, string Identifier, Guid? FranchiseId);

/// <summary>Builds franchises and locations through the platform API, with identifiers unique to the test.</summary>
public static class TenantBuilder
{
    public static object LocationBody(string identifier, Guid franchiseId, string name = "Test Gym", bool activate = true) => new
    {
        kind = "location",
        identifier,
        name,
        franchiseId,
        activate,
        address = new { street = "1 Test Street", suburb = "Footscray", state = "VIC", postcode = "3011" },
        isOpen24x7 = true,
        openingHours = new[] { new { day = "monday", opens = "06:00", closes = "21:00" } },
        amenities = new[] { "sauna", "free-weights" },
    };

    public static async Task<TestTenant> CreateFranchiseAsync(HttpClient platform, string identifier)
    {
        var response = await platform.PostAsJsonAsync("/api/platform/tenants", new { kind = "franchise", identifier, name = $"Franchise {identifier}", activate = true });
        return await ReadAsync(response);
    }

    public static async Task<TestTenant> CreateLocationAsync(HttpClient platform, string identifier, Guid franchiseId, bool activate = true)
    {
        var response = await platform.PostAsJsonAsync("/api/platform/tenants", LocationBody(identifier, franchiseId, $"Gym {identifier}", activate));
        return await ReadAsync(response);
    }

    /// <summary>Two franchises with two locations each: the shape every isolation test uses.</summary>
    public static async Task<(TestTenant FranchiseA, TestTenant A1, TestTenant A2, TestTenant FranchiseB, TestTenant B1, TestTenant B2)> CreateTwoByTwoAsync(HttpClient platform)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var fa = await CreateFranchiseAsync(platform, $"fa-{suffix}");
        var fb = await CreateFranchiseAsync(platform, $"fb-{suffix}");
        return (fa, await CreateLocationAsync(platform, $"a1-{suffix}", fa.Id), await CreateLocationAsync(platform, $"a2-{suffix}", fa.Id),
            fb, await CreateLocationAsync(platform, $"b1-{suffix}", fb.Id), await CreateLocationAsync(platform, $"b2-{suffix}", fb.Id));
    }

    private static async Task<TestTenant> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var franchise = root.GetProperty("franchiseId");
        return new TestTenant(root.GetProperty("id").GetGuid(), root.GetProperty("identifier").GetString()!,
            franchise.ValueKind == JsonValueKind.Null ? null : franchise.GetGuid());
    }
}
