using Derrimut.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>Validates every <see cref="IValidatable"/> argument of an endpoint before its handler runs.</summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ValidationErrors? errors = null;
        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatable validatable)
            {
                errors ??= new ValidationErrors();
                validatable.Validate(errors);
            }
        }

        errors?.ThrowIfAny();
        return await next(context);
    }
}
