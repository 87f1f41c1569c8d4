using Derrimut.BuildingBlocks.Data;
using Serilog.Events;

namespace Derrimut.Hosting;

/// <summary>Log lines every host of ours drops: the web nodes and the migrator write through the same modules.</summary>
public static class HostLogFilters
{
    /// <summary>
    /// EF Core's error line for a save that a unique index refused. The modules settle races that way (a double
    /// booking, a duplicate webhook, two checkouts at once): the loser's refusal is caught and answered with a 409 or an
    /// idempotent 2xx, so an error line with a stack trace for each would be a false alarm on every busy evening (and
    /// one for each demo class that clashes with a PT session on every fresh demo seed, in the web host and the
    /// migrator alike). Nothing is hidden: a refusal no handler expected still propagates, and the request's own line
    /// and the exception handler (or the migrator's crash) report it. Every other failed save is still logged; the
    /// failed command's own line is Debug for every provider (<see cref="DataRegistration"/>, decision 0090).
    /// </summary>
    public static bool IsRefusedDuplicate(LogEvent logEvent) =>
        logEvent.Level >= LogEventLevel.Error
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: "Microsoft.EntityFrameworkCore.Update" }
        && UniqueViolations.In(logEvent.Exception);
}
