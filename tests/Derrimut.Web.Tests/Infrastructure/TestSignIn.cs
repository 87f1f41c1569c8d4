using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// Test-host-only shortcut: <c>POST /test/sign-in?email=</c> signs a person in with the real SignInManager, so the
/// real cookie then travels through the real authentication, tenant and membership checks. The sign-in pages
/// themselves are tested separately, end to end.
/// </summary>
internal sealed class TestSignInStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path == "/test/sign-in" && HttpMethods.IsPost(context.Request.Method))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<DerrimutUser>>();
                var signIn = context.RequestServices.GetRequiredService<SignInManager<DerrimutUser>>();
                var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString());
                if (user is null)
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                await signIn.SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = 204;
                return;
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

public static class SignedInClients
{
    /// <summary>A client for <paramref name="label"/>'s host, signed in as <paramref name="email"/> (cookie for the whole root domain).</summary>
    public static async Task<HttpClient> SignedInAsync(this DerrimutWebFactory app, string email, string? label)
    {
        var client = app.ClientFor(label);
        var response = await client.PostAsync($"/test/sign-in?email={Uri.EscapeDataString(email)}", null);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"sign-in as {email}");
        return client;
    }

    /// <summary>An absolute URL on another tenant's host (the client's cookie is sent there too).</summary>
    public static Uri At(string? label, string path) =>
        new($"http://{(label is null ? DerrimutWebFactory.RootDomain : $"{label}.{DerrimutWebFactory.RootDomain}")}{path}");
}
