using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Derrimut.Web.Account;

/// <summary>
/// Redirects from the statically rendered account pages. During static rendering NavigateTo ends the render with a
/// redirect (it throws a NavigationException that the endpoint turns into a 302), so nothing after it runs.
/// </summary>
internal sealed class AccountRedirects(NavigationManager navigation, ISiteAddresses sites)
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

    /// <summary>
    /// An absolute link to a path on this gym's site, built from configuration (emails must link back to the gym they
    /// came from, and never to whatever host the request named). Null query values are left out.
    /// </summary>
    public string AbsoluteLink(string path, IReadOnlyDictionary<string, object?> query) =>
        QueryHelpers.AddQueryString(
            sites.ForCurrentSite(path).ToString(),
            query.Where(q => q.Value is not null).Select(q => KeyValuePair.Create(q.Key, (string?)Convert.ToString(q.Value, CultureInfo.InvariantCulture))));
}
