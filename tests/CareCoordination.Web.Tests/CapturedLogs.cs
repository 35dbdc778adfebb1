using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace CareCoordination.Web.Tests;

/// <summary>A Serilog sink that keeps each event fully rendered: message, every property, and any exception.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _rendered = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _events.Enqueue(logEvent);
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _rendered.Enqueue($"{logEvent.RenderMessage(CultureInfo.InvariantCulture)} | {properties} | {logEvent.Exception}");
    }

    public IReadOnlyList<string> Rendered => [.. _rendered];

    /// <summary>The events themselves, for a test about their level or exception; in the order they were logged.</summary>
    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Waits up to five seconds for a line to be logged.</summary>
    public async Task<bool> WaitFor(Func<string, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (_rendered.Any(match))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
