using System.Text.Json;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>Checks an RFC 9457 problem response.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("type").GetString().ShouldEndWith("/" + typeSuffix, customMessage: body);
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        return json;
    }

    /// <summary>A 400 validation problem whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> NamesFieldAsync(HttpResponseMessage response, string field, string typeSuffix = "validation")
    {
        var json = await IsAsync(response, HttpStatusCode.BadRequest, typeSuffix);
        var errors = json.GetProperty("errors");
        errors.TryGetProperty(field, out _).ShouldBeTrue($"expected an error for '{field}' in {json}");
        return json;
    }
}
