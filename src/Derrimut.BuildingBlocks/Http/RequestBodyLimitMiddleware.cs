using Microsoft.AspNetCore.Http;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// Refuses declared bodies above the limit before anything reads them. Kestrel enforces the same limit for
/// chunked bodies; this makes the answer a problem document everywhere (including the in-memory test server).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge,
                "The request body is too large.", $"Request bodies are limited to {maxBytes:N0} bytes.");
            return;
        }

        await next(context);
    }
}
