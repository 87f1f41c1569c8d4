namespace Derrimut.Marketplace.Features;

/// <summary>Checks a request the way the API's validation filter does, for callers that are not endpoints (pages, seeds).</summary>
internal static class RequestChecks
{
    public static void ThrowIfInvalid(this IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }
}
