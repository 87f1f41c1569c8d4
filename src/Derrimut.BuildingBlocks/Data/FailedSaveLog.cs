using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// Writes EF Core's failed-save Error line for every failed save except one a unique index refused (decision 0102).
/// EF Core's own line (<see cref="CoreEventId.SaveChangesFailed"/>) is Debug for our contexts: it renders the exception,
/// stack trace included, into its message before any filter can look at it, and the modules settle races with unique
/// indexes, so every refused duplicate (a redelivered webhook, a second booking of a slot) paid for that rendering only
/// for the line to be dropped. Here the exception is looked at first; a refusal costs nothing, anything else is logged
/// as EF Core would have logged it: same category, same event id, the exception attached.
/// </summary>
internal sealed partial class FailedSaveLog : ISaveChangesInterceptor
{
    /// <summary>Stateless: one for every context.</summary>
    public static readonly FailedSaveLog Instance = new();

    private FailedSaveLog()
    {
    }

    /// <inheritdoc />
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Log(eventData);

    /// <inheritdoc />
    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData);
        return Task.CompletedTask;
    }

    private static void Log(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not { } context || UniqueViolations.In(eventData.Exception))
        {
            return;
        }

        // The context's own logger for EF Core's update category: the host's logger factory, or a test's.
        var logger = context.GetService<IDiagnosticsLogger<DbLoggerCategory.Update>>().Logger;
        SaveFailed(logger, eventData.Exception, context.GetType().Name);
    }

    [LoggerMessage(EventId = 10000, EventName = "Microsoft.EntityFrameworkCore.Update.SaveChangesFailed", Level = LogLevel.Error,
        Message = "An exception occurred in the database while saving changes for context type '{ContextType}'.")]
    private static partial void SaveFailed(ILogger logger, Exception exception, string contextType);
}
