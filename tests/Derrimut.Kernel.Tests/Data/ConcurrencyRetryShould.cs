using Derrimut.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.Kernel.Tests.Data;

public sealed class ConcurrencyRetryShould
{
    [Fact]
    public async Task TryAgainWhenAnotherWriterChangedTheRowFirst()
    {
        var attempts = new List<int>();

        var result = await TimeProvider.System.RetryOnConcurrencyConflictAsync((n, _) =>
        {
            attempts.Add(n);
            return n < 3 ? throw new DbUpdateConcurrencyException("lost the race") : Task.FromResult("saved");
        }, cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldBe("saved");
        attempts.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task GiveUpAfterTheLastAttemptWithTheConflict()
    {
        var attempts = 0;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => TimeProvider.System.RetryOnConcurrencyConflictAsync((_, _) =>
        {
            attempts++;
            throw new DbUpdateConcurrencyException("lost again");
        }, maxAttempts: 2, cancellationToken: TestContext.Current.CancellationToken));

        attempts.ShouldBe(2);
    }

    [Fact]
    public async Task NotRetryOtherFailures()
    {
        var attempts = 0;

        await Should.ThrowAsync<DbUpdateException>(() => TimeProvider.System.RetryOnConcurrencyConflictAsync((_, _) =>
        {
            attempts++;
            throw new DbUpdateException("unique index");
        }, cancellationToken: TestContext.Current.CancellationToken));

        attempts.ShouldBe(1);
    }
}
