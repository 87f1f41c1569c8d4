using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>Keeps every Serilog event it is given, for tests that assert what a log filter lets through.</summary>
public sealed class CollectingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
