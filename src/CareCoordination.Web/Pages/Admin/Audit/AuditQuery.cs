using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Audit;

/// <summary>The audit viewer's filters, as query-string values: ids, enum names and dates only, never PHI.</summary>
public sealed class AuditFilter
{
    public string? User { get; set; }

    public int? Member { get; set; }

    public AuditAction? Action { get; set; }

    public AuditOutcome? Outcome { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Keyset: show entries older than this id (the trail is listed newest first).</summary>
    public long? Before { get; set; }

    /// <summary>These filters as query-string values (for links and redirects), with <paramref name="member"/> in place of the member filter.</summary>
    public Dictionary<string, string> QueryValues(int? member, long? before = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Filter.User"] = User,
            ["Filter.Member"] = member?.ToString(CultureInfo.InvariantCulture),
            ["Filter.Action"] = Action?.ToString(),
            ["Filter.Outcome"] = Outcome?.ToString(),
            ["Filter.From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Filter.To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Filter.Before"] = before?.ToString(CultureInfo.InvariantCulture),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public IQueryable<AuditEntry> Apply(CareDbContext db, TimeZoneInfo planZone)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(User))
        {
            entries = entries.Where(a => a.UserId == User);
        }

        if (Member is { } member)
        {
            entries = entries.Where(a => a.MemberId == member);
        }

        if (Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (Outcome is { } outcome)
        {
            entries = entries.Where(a => a.Outcome == outcome);
        }

        if (From is { } from)
        {
            var start = StartOfDayUtc(from, planZone);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1), planZone);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        return entries;
    }

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo planZone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), planZone);
}

/// <summary>An audit entry with the names an auditor reads it by.</summary>
public sealed record AuditRow(long Id, DateTime OccurredAt, string? UserId, string? User, AuditAction Action, ProtectedContent? Content, int? MemberId, string? PlanMemberId, AuditOutcome Outcome, string CorrelationId);

public static class AuditRows
{
    public static IQueryable<AuditRow> Named(this IQueryable<AuditEntry> entries, CareDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return entries.Select(a => new AuditRow(a.Id, a.OccurredAt, a.UserId,
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            a.Action, a.Content, a.MemberId,
            db.Members.Where(m => m.Id == a.MemberId).Select(m => m.PlanMemberId).FirstOrDefault(),
            a.Outcome, a.CorrelationId));
    }
}
