using System.Text.RegularExpressions;
using Derrimut.Web.Lifecycle;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// The cold start's image prefetch (decision 0095): a second thread maps the node's code files into the process while
/// the main thread builds the host. It must pick only readable mappings of code files, and on this machine's kernel it
/// must actually populate them rather than silently give up.
/// </summary>
public sealed partial class ImagePrefetchShould
{
    [Fact]
    public void TakeOnlyReadableMappingsOfCodeFiles()
    {
        string[] maps =
        [
            "7f3c8a000000-7f3c8a200000 r-xp 00001000 08:01 1234       /app/Derrimut.Web.r2r.dll",
            "7f3c8a200000-7f3c8a210000 rw-p 00201000 08:01 1234       /app/Derrimut.Web.r2r.dll",
            "7f3c8a210000-7f3c8a220000 ---p 00000000 00:00 0 ",
            "7f3c8b000000-7f3c8b100000 r--p 00000000 08:01 99         /app/libcoreclr.so",
            "7f3c8c000000-7f3c8c010000 r--p 00000000 08:01 98         /usr/lib/x86_64-linux-gnu/libssl.so.3",
            "7f3c8d000000-7f3c8d001000 ---p 00000000 08:01 97         /app/libclrjit.so",
            "7f3c8e000000-7f3c8e100000 rw-p 00000000 00:00 0          [heap]",
            "7f3c8f000000-7f3c8f100000 r-xp 00000000 00:01 5          /memfd:doublemapper (deleted)",
            "7f3c90000000-7f3c90001000 r--p 00000000 08:01 96         /app/appsettings.json",
            "7f3c91000000-7f3c91001000 r--p 00000000 08:01 95         /app/old.dll (deleted)",
        ];

        var regions = ImagePrefetch.CodeRegions(maps).ToArray();

        regions.Select(r => r.Path).ShouldBe(
        [
            "/app/Derrimut.Web.r2r.dll", "/app/Derrimut.Web.r2r.dll", "/app/libcoreclr.so",
            "/usr/lib/x86_64-linux-gnu/libssl.so.3",
        ]);
        regions[0].Start.ShouldBe(0x7f3c8a000000);
        regions[0].End.ShouldBe(0x7f3c8a200000);
    }

    [Fact]
    public void PopulateThisProcesssCodeFilesOnLinux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The prefetch works on Linux only; elsewhere it does nothing.");

        var outcome = ImagePrefetch.Prefetch();

        // "N files, M MB in T ms": not "not supported", not "failed" — the test host runs managed code from mapped
        // files (the runtime's .so files at least), so there is always something to populate.
        var match = Done().Match(outcome);
        match.Success.ShouldBeTrue(outcome);
        int.Parse(match.Groups["files"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [GeneratedRegex(@"^(?<files>\d+) files, \d+ MB in \d+ ms$")]
    private static partial Regex Done();
}
