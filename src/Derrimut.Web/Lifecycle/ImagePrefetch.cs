using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Derrimut.Web.Lifecycle;

/// <summary>
/// Cold start (decision 0095): while the main thread builds the host, a second thread asks the kernel to map the
/// pages of the node's own code files — the precompiled image, the runtime, the framework — into the process.
/// </summary>
/// <remarks>
/// A profile of a starting node showed its first second on one thread, a quarter of it in the kernel handling page
/// faults as the runtime touched its mapped images for the first time; the machine's other core sat idle. The pages
/// are already in the page cache (the files were read before), so the cost is the page-table work, which any thread
/// of the process can do for all of them: <c>madvise(MADV_POPULATE_READ)</c> does it ahead of the main thread. It is a
/// hint with no effect on behaviour: on another operating system, an older kernel (before Linux 5.14) or any error,
/// the thread stops and the main thread faults the pages in as before. <c>DERRIMUT_PREFETCH_IMAGE=0</c> turns it off
/// (read from the environment because it runs before configuration exists).
/// </remarks>
internal static class ImagePrefetch
{
    public const string Switch = "DERRIMUT_PREFETCH_IMAGE";

    // Linux: <asm-generic/mman-common.h>.
    private const int MadvPopulateRead = 22;
    private const int EInval = 22;

    // Small steps, so the kernel's memory-map lock is never held long against the main thread's own mappings.
    private const long Step = 1 << 20;

    private static string? _outcome;

    /// <summary>What the thread did ("12 files, 180 MB in 41 ms"), or why it did nothing; null while it runs.</summary>
    public static string? Outcome => Volatile.Read(ref _outcome);

    /// <summary>Starts the thread, unless this is not Linux or the switch says no. Returns at once.</summary>
    public static void Start()
    {
        if (!OperatingSystem.IsLinux())
        {
            _outcome = "not Linux";
            return;
        }

        if (Environment.GetEnvironmentVariable(Switch) is "0" or "false")
        {
            _outcome = "off";
            return;
        }

        new Thread(Run) { IsBackground = true, Name = "Image prefetch" }.Start();
    }

    private static void Run() => Volatile.Write(ref _outcome, Prefetch());

    /// <summary>Populates this process's page tables for its code files now, on the calling thread.</summary>
    internal static string Prefetch()
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var files = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var region in CodeRegions(File.ReadAllLines("/proc/self/maps")))
            {
                for (var at = region.Start; at < region.End; at += Step)
                {
                    var length = Math.Min(Step, region.End - at);
                    if (madvise((nint)at, (nuint)length, MadvPopulateRead) != 0)
                    {
                        // EINVAL: a kernel without the advice. Anything else (a region unmapped meanwhile): skip it.
                        if (Marshal.GetLastPInvokeError() == EInval)
                        {
                            return $"not supported by this kernel, after {bytes >> 20} MB";
                        }

                        break;
                    }

                    bytes += length;
                }

                files.Add(region.Path);
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"{files.Count} files, {bytes >> 20} MB in {clock.ElapsedMilliseconds} ms");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return "failed: " + ex.GetType().Name;
        }
    }

    /// <summary>The readable mappings of code files (<c>.dll</c>, <c>.so</c>) in a <c>/proc/PID/maps</c> listing.</summary>
    internal static IEnumerable<Region> CodeRegions(IEnumerable<string> maps)
    {
        foreach (var line in maps)
        {
            // "7f3c8a000000-7f3c8a200000 r-xp 00000000 08:01 1234   /app/Derrimut.Web.r2r.dll"
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 6 || parts[1][0] != 'r')
            {
                continue;
            }

            var path = parts[5].Trim();
            if (!path.StartsWith('/') || !IsCodeFile(path))
            {
                continue;
            }

            var dash = parts[0].IndexOf('-', StringComparison.Ordinal);
            var start = long.Parse(parts[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = long.Parse(parts[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return new Region(start, end, path);
        }
    }

    private static bool IsCodeFile(string path) =>
        path.EndsWith(".dll", StringComparison.Ordinal) || path.EndsWith(".so", StringComparison.Ordinal)
        || path.Contains(".so.", StringComparison.Ordinal);

    internal readonly record struct Region(long Start, long End, string Path);

    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);
}
