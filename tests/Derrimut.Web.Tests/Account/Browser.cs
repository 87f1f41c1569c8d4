using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Derrimut.Web.Tests.Account;

/// <summary>
/// What a browser without JavaScript does with the server-rendered pages: GET a page, fill in one of its forms
/// (the hidden fields — antiforgery token and Blazor's form name — come from the page itself) and POST it.
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    /// <summary>GETs a page (a path on this client's host, or an absolute URL on another).</summary>
    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return new Page(response, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    /// <summary>GETs <paramref name="url"/>, fills the form named <paramref name="formName"/> and submits it.</summary>
    public async Task<Page> SubmitAsync(string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(url);
        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {page.Html[..Math.Min(page.Html.Length, 500)]}");
        return await page.SubmitAsync(this, formName, fields);
    }

    /// <summary>Follows redirects from <paramref name="page"/> with GETs, as a browser would.</summary>
    public async Task<Page> FollowAsync(Page page)
    {
        for (var hops = 0; hops < 10 && page.IsRedirect; hops++)
        {
            page = await GetAsync(page.Location!.ToString());
        }

        return page;
    }

    internal async Task<Page> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await Client.PostAsync(url, content);
        return new Page(response, await response.Content.ReadAsStringAsync(), url);
    }
}

/// <summary>A response as a page: its HTML, its forms and where a redirect points.</summary>
public sealed partial class Page(HttpResponseMessage response, string html, Uri url)
{
    public HttpResponseMessage Response { get; } = response;

    public string Html { get; } = html;

    public Uri Url { get; } = url;

    public bool IsRedirect => (int)Response.StatusCode is >= 300 and < 400;

    /// <summary>The absolute redirect target.</summary>
    public Uri? Location => Response.Headers.Location is { } location ? new Uri(Url, location) : null;

    /// <summary>The messages shown next to the field whose input has this id.</summary>
    public IReadOnlyList<string> FieldErrors(string inputId)
    {
        var match = Regex.Match(Html, $"<div id=\"{Regex.Escape(inputId)}-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        return match.Success
            ? [.. ErrorParagraph().Matches(match.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))]
            : [];
    }

    /// <summary>The page's text as a reader sees it (tags removed, entities decoded, whitespace collapsed).</summary>
    public string Text => Whitespace().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(Html, " ")), " ");

    /// <summary>The value of an attribute on the first element that has it, e.g. the authenticator key.</summary>
    public string? Attribute(string name) =>
        Regex.Match(Html, $"{Regex.Escape(name)}=\"([^\"]*)\"") is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public bool HasForm(string formName) => FindForm(formName) is not null;

    /// <summary>
    /// Fills the hidden fields of the form named <paramref name="formName"/> (Blazor's <c>_handler</c>, or the form's
    /// <c>action</c> for forms that post to an endpoint) from the page, adds <paramref name="fields"/>, and posts it.
    /// </summary>
    public Task<Page> SubmitAsync(Browser browser, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var form = FindForm(formName) ?? throw new ShouldAssertException($"No form '{formName}' on {Url}:\n{Text}");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form.Body))
        {
            var attributes = Attributes(input.Value);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                values[name] = attributes.GetValueOrDefault("value") ?? "";
            }
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.Action is { Length: > 0 } a ? new Uri(new Uri(Url, "/"), a) : Url;
        return browser.PostAsync(action, values);
    }

    private (string Body, string? Action)? FindForm(string formName)
    {
        foreach (Match form in FormTag().Matches(Html))
        {
            var body = form.Groups[2].Value;
            var action = Attributes(form.Groups[1].Value).GetValueOrDefault("action");
            var isIt = action == formName || InputTag().Matches(body).Any(i =>
            {
                var attributes = Attributes(i.Value);
                return attributes.GetValueOrDefault("name") == "_handler" && attributes.GetValueOrDefault("value") == formName;
            });
            if (isIt)
            {
                return (body, action);
            }
        }

        return null;
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePair().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("([\\w.:-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributePair();

    [GeneratedRegex("<p class=\"dm-error\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorParagraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
