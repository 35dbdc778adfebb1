namespace CareCoordination.Web.Reports;

/// <summary>How a report uses the dates: a range, the last day only (as of), or not at all (the queue as it is now).</summary>
public enum ReportDates
{
    Range,
    AsOf,
    None,
}
