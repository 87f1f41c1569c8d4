using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace Derrimut.Web.Account;

/// <summary>
/// Redirects from the statically rendered account pages. During static rendering NavigateTo ends the render with a
/// redirect (it throws a NavigationException that the endpoint turns into a 302), so nothing after it runs.
/// </summary>
internal sealed class AccountRedirects(NavigationManager navigation)
{
    [DoesNotReturn]
    public void RedirectTo(string? uri)
    {
        navigation.NavigateTo(ReturnUrls.LocalOrHome(uri));
        throw new InvalidOperationException($"{nameof(AccountRedirects)} can only be used during static rendering.");
    }

    [DoesNotReturn]
    public void RedirectTo(string path, IReadOnlyDictionary<string, object?> query) =>
        RedirectTo("/" + navigation.ToBaseRelativePath(navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).ToString(), query)));

    /// <summary>An absolute link to a path on this site's host (emails must link back to the gym they came from).</summary>
    public string AbsoluteLink(string path, IReadOnlyDictionary<string, object?> query) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).ToString(), query);
}
