namespace CareCoordination.Web.Infrastructure;

/// <summary>The current instant, and today's date in the health plan's time zone (where due dates and care spans are counted).</summary>
public sealed class PlanClock(TimeProvider time, TimeZoneInfo planZone)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), planZone).DateTime);

    public TimeZoneInfo PlanZone => planZone;

    /// <summary>The instant today began in the plan's time zone, as UTC: where "today's" rows start.</summary>
    public DateTime StartOfTodayUtc => TimeZoneInfo.ConvertTimeToUtc(Today.ToDateTime(TimeOnly.MinValue), planZone);

    public static PlanClock From(IConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zoneId = configuration["Plan:TimeZone"] ?? "America/Los_Angeles";
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? new PlanClock(time, zone)
            : throw new InvalidOperationException($"Plan:TimeZone '{zoneId}' is not a time zone this machine knows.");
    }
}
