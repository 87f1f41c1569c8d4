using Microsoft.EntityFrameworkCore;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// Runs an optimistic-concurrency write again when another writer changed the same row first. Each attempt must
/// start from fresh reads (a new scope or cleared change tracker), so it decides again on what is now true; the wait
/// between attempts is short, grows, and is jittered so that racing writers do not collide again in step.
/// </summary>
public static class ConcurrencyRetry
{
    /// <summary>How many attempts a write gets by default.</summary>
    public const int DefaultAttempts = 3;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given the attempt number, 1-based) until it finishes without a
    /// <see cref="DbUpdateConcurrencyException"/>; the last attempt's exception propagates (a 409 problem at the edge).
    /// </summary>
    public static async Task<T> RetryOnConcurrencyConflictAsync<T>(
        this TimeProvider time,
        Func<int, CancellationToken, Task<T>> attempt,
        int maxAttempts = DefaultAttempts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (number < maxAttempts)
            {
                // 10-20 ms, then 20-40 ms…: long enough for the winner to commit, short enough to stay unnoticed.
                var baseDelay = TimeSpan.FromMilliseconds(10 * (1 << (number - 1)));
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)baseDelay.TotalMilliseconds + 1));
                await Task.Delay(baseDelay + jitter, time, cancellationToken);
            }
        }
    }

    /// <summary>As <see cref="RetryOnConcurrencyConflictAsync{T}"/>, for writes without a result.</summary>
    public static Task RetryOnConcurrencyConflictAsync(
        this TimeProvider time,
        Func<int, CancellationToken, Task> attempt,
        int maxAttempts = DefaultAttempts,
        CancellationToken cancellationToken = default) =>
        time.RetryOnConcurrencyConflictAsync<bool>(async (n, ct) => { await attempt(n, ct); return true; }, maxAttempts, cancellationToken);
}
