using System.Text.RegularExpressions;

namespace Derrimut.Architecture.Tests;

/// <summary>
/// A <c>catch</c> of EF Core's <c>DbUpdateException</c> turns a failed save into "someone got there first" (a 409, a
/// quiet retry). It must say which failures those are, with <c>UniqueViolations.In</c> or <c>UniqueViolations.LostRace</c>
/// or a narrower filter of its own: unfiltered, it also swallows the database restarting, a timeout or a deadlock,
/// which the problem handler answers as a 503 with <c>Retry-After</c> so that the client retries (decision 0098).
/// </summary>
public sealed partial class FailedSavesShould
{
    [Fact]
    public void BeTakenForALostRaceOnlyThroughAFilter()
    {
        var root = RepositoryRoot();
        var unfiltered = new[] { "src", "modules" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => UnfilteredCatch().Matches(File.ReadAllText(path))
                .Select(m => $"{Path.GetRelativePath(root, path)}: {m.Value.Trim()}"))
            .ToList();

        unfiltered.ShouldBeEmpty("Filter the catch: when (UniqueViolations.In(exception)) or when (UniqueViolations.LostRace(exception)).");
    }

    [Fact]
    public void BeFoundByTheRuleWhereverTheyAreUnfiltered()
    {
        Flagged("catch (DbUpdateException)\n{").ShouldBeTrue();
        Flagged("catch (DbUpdateException exception)\n        {").ShouldBeTrue();
        Flagged("catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) {").ShouldBeTrue();
        Flagged("catch (DbUpdateException exception) when (UniqueViolations.In(exception))").ShouldBeFalse();
        Flagged("catch (DbUpdateException ex)\n            when (ex.InnerException is null)").ShouldBeFalse();
        Flagged("catch (DbUpdateConcurrencyException)\n{").ShouldBeFalse("a stale row is a race by definition");

        static bool Flagged(string code) => UnfilteredCatch().IsMatch(code);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Derrimut.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Derrimut.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"catch\s*\(\s*(?:[\w.]+\.)?DbUpdateException(?:\s+\w+)?\s*\)(?!\s*when\b)")]
    private static partial Regex UnfilteredCatch();
}
