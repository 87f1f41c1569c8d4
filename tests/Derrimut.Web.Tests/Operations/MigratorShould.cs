using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// <c>src/Derrimut.DbMigrator</c>, run as the process an operator or <c>etc/cluster.sh</c> runs: it migrates a fresh
/// database, seeds the demo and exits 0, in Development too (where the host checks its registrations on build), without
/// an error line for the demo classes the trainer calendar refuses; and a second run on the same database finds nothing
/// to do and still succeeds.
/// </summary>
public abstract partial class MigratorShould(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"derrimut-migrator-mail-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _database.DisposeAsync();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAndSeedTheDemoInDevelopmentWithNoErrorLineThenFindNothingToDoOnASecondRun()
    {
        var first = await RunMigratorAsync();
        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("Done.");
        ErrorLines(first.Output).ShouldBeEmpty(first.Output);

        // Every tenant the platform seeds is reported once, and the last report is the last tenant.
        var seeded = SeededTenant().Matches(first.Output);
        seeded.ShouldNotBeEmpty(first.Output);
        seeded.Select(m => m.Groups["of"].Value).Distinct().ShouldHaveSingleItem();
        seeded.Count.ShouldBe(int.Parse(seeded[0].Groups["of"].Value, System.Globalization.CultureInfo.InvariantCulture));

        var second = await RunMigratorAsync();
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("Done.");
        ErrorLines(second.Output).ShouldBeEmpty(second.Output);
    }

    private static string[] ErrorLines(string output) =>
        output.Split('\n').Where(line => line.Contains(" ERR] ", StringComparison.Ordinal)
            || line.Contains(" FTL] ", StringComparison.Ordinal)
            || line.StartsWith("Unhandled exception", StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@"Seeded tenant \S+ \((?<at>\d+)/(?<of>\d+)\)")]
    private static partial Regex SeededTenant();

    private async Task<(int ExitCode, string Output)> RunMigratorAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = MigratorFolder(),
        };
        start.ArgumentList.Add(Path.Combine(MigratorFolder(), "Derrimut.DbMigrator.dll"));
        start.ArgumentList.Add("--demo");
        start.ArgumentList.Add($"--Database:Provider={provider}");
        start.ArgumentList.Add($"--ConnectionStrings:Derrimut={_database.ConnectionString}");
        start.ArgumentList.Add($"--Email:PickupDirectory={_mailFolder}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The migrator's own build output, of the configuration these tests were built in (the project reference builds it).</summary>
    private static string MigratorFolder()
    {
        var configuration = typeof(MigratorShould).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Derrimut.sln")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (Derrimut.sln) above the test output");
        return Path.Combine(directory.FullName, "src", "Derrimut.DbMigrator", "bin", configuration, "net10.0");
    }
}

public sealed class MigratorOnSqliteShould() : MigratorShould(DatabaseProvider.Sqlite);

public sealed class MigratorOnPostgreSqlShould() : MigratorShould(DatabaseProvider.PostgreSql);
