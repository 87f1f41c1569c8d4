using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Antiforgery;

namespace Derrimut.Web.Security;

/// <summary>
/// Answers a form post whose antiforgery token is missing or wrong with 400 and a problem naming the token field, before
/// any endpoint binds the form. <c>UseAntiforgery</c> only records its verdict; the runtime's request delegates used to
/// turn an invalid verdict into a 400, but the Request Delegate Generator's binding code (decision 0083) reads the form
/// without looking at it, and reading the form of an unvalidated request throws — a 500. One rule here keeps every
/// endpoint's refusal the same whichever binder built it.
/// </summary>
internal sealed class AntiforgeryRefusal(RequestDelegate next)
{
    /// <summary>The hidden field the pages' forms carry the token in (ASP.NET Core's default name).</summary>
    public const string TokenField = "__RequestVerificationToken";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
            || context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
        {
            return next(context);
        }

        return ProblemWriter.WriteInvalidFieldAsync(context, TokenField, "The form's security token is missing or has expired. Reload the page and try again.");
    }
}
