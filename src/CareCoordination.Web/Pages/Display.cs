using System.Globalization;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;

namespace CareCoordination.Web.Pages;

/// <summary>How values look on screen: dates in the user's locale, instants in the plan's time zone, statuses as badges.</summary>
public static class Display
{
    public static string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? day) => day is { } value ? Date(value) : "";

    /// <summary>A UTC instant as the plan's local date and time, in the user's locale.</summary>
    public static string Moment(DateTime utc, TimeZoneInfo planZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), planZone).ToString("g", CultureInfo.CurrentCulture);

    public static string Iso(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    public static string PriorityBadge(Priority priority) => priority switch
    {
        Priority.Urgent => "badge rounded-pill text-bg-danger",
        Priority.High => "badge rounded-pill text-bg-warning",
        _ => "badge rounded-pill text-bg-info",
    };

    public static string StatusBadge(ReleaseStatus status) => status switch
    {
        ReleaseStatus.Active => "badge rounded-pill text-bg-success",
        ReleaseStatus.NotYetEffective => "badge rounded-pill text-bg-warning",
        _ => "badge rounded-pill text-bg-danger",
    };
}
