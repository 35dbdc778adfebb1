namespace CareCoordination.Web.Tests.Account;

/// <summary>The app's clock, stepped forward by a test instead of waited on. Starts at the real now, so the demo data's dates stay current.</summary>
public sealed class SteppableClock : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => _start.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
