using System.Diagnostics;
using System.Globalization;

namespace CareCoordination.DataGenerator.Reporting;

/// <summary>
/// One line per table: a bar redrawn in place (with '\r') while rows go in, then the final count, rows per second and
/// elapsed time. When the output is a file or a pipe, only the final lines are written.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool redraw)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public TimeSpan Elapsed => _total.Elapsed;

    public TableProgress Start(string table, long expectedRows) => new(output, redraw, table, expectedRows);

    /// <summary>A step that is not a table (migrations, ANALYZE): its name, then its time when disposed.</summary>
    public IDisposable Step(string name) => new StepTimer(output, name);

    internal static string Time(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : elapsed.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture);

    private sealed class StepTimer(TextWriter output, string name) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Dispose() => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {"",-27} {"",-14} {"",-16} {Time(_clock.Elapsed),8}"));
    }
}

public sealed class TableProgress
{
    private const int BarWidth = 20;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 8;

    private readonly TextWriter _output;
    private readonly bool _redraw;
    private readonly string _table;
    private readonly long _expected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw;

    internal TableProgress(TextWriter output, bool redraw, string table, long expected)
    {
        (_output, _redraw, _table, _expected) = (output, redraw, table, Math.Max(1, expected));
        if (redraw)
        {
            Draw(0, final: false);
        }
    }

    public void Report(long done)
    {
        if (!_redraw || (done & 1023) != 0 || _clock.ElapsedTicks - _lastDraw < RedrawTicks)
        {
            return;
        }

        _lastDraw = _clock.ElapsedTicks;
        Draw(done, final: false);
    }

    public void Complete(long done) => Draw(done, final: true);

    private void Draw(long done, bool final)
    {
        var fraction = Math.Min(1.0, (double)done / _expected);
        var filled = (int)Math.Round(fraction * BarWidth);
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_table,-26} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:0}% {done,13:N0} rows {rate,10:N0} rows/s {ConsoleProgress.Time(_clock.Elapsed),8}");
        if (_redraw)
        {
            _output.Write('\r');
        }

        if (final)
        {
            _output.WriteLine(line);
        }
        else
        {
            _output.Write(line);
        }

        _output.Flush();
    }
}
