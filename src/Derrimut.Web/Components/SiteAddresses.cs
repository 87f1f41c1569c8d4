namespace Derrimut.Web.Components;

/// <summary>Links between the platform's sites: same scheme and port as the current page, another host.</summary>
internal static class SiteAddresses
{
    public static string ForHost(string currentBaseUri, string host, string path) =>
        new UriBuilder(currentBaseUri) { Host = host, Path = path, Query = "", Fragment = "" }.Uri.ToString();

    /// <summary>The site of a franchise or location, e.g. <c>http://st-albans.derrimut.localhost:5000/</c>.</summary>
    public static string ForTenant(string currentBaseUri, string rootDomain, string identifier, string path = "") =>
        ForHost(currentBaseUri, $"{identifier}.{rootDomain}", path);
}
