using CareCoordination.Core.Consent;

namespace CareCoordination.Web.Reports;

/// <summary>
/// A report's rows that may carry Part 2 information, for a CSV: each row as it may be shown, then, when any row was shown
/// under the member's consent, the 42 CFR 2.32 notice as the file's last rows, once each.
/// </summary>
public static class Part2Rows
{
    public const string NoticeLabel = "42 CFR Part 2 notice";

    public static async IAsyncEnumerable<IReadOnlyList<string?>> WithNotices(IAsyncEnumerable<(IReadOnlyList<string?> Fields, Part2Share Share)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shares = new List<Part2Share>();
        await foreach (var (fields, share) in rows)
        {
            if (share.UnderConsent)
            {
                shares.Add(share);
            }

            yield return fields;
        }

        foreach (var notice in Part2Sharing.NoticesOf(shares))
        {
            yield return [NoticeLabel, notice];
        }
    }
}
