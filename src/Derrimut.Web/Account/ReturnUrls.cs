namespace Derrimut.Web.Account;

/// <summary>
/// Return URLs after sign-in are local paths only. "//evil.example" and "/\evil.example" look like paths but browsers
/// treat them as other hosts, so they are refused too (the open-redirect classic).
/// </summary>
internal static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The URL when it is local, otherwise the site's home.</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url! : "/";
}
