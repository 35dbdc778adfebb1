using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>One entry an act must add to the trail: what was done, how it ended, by whom, about which member, and which protected content.</summary>
public sealed record AuditedEntry(AuditAction Action, AuditOutcome Outcome, string? UserId, int? MemberId, ProtectedContent? Content = null)
{
    public static AuditedEntry Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Action, entry.Outcome, entry.UserId, entry.MemberId, entry.Content);
    }
}

/// <summary>
/// Something a person does, arranged up to the moment they do it (signed in, form pages fetched): <see cref="Act"/> does
/// it over HTTP and checks the answer a person would see; the trail must then have gained exactly <see cref="Expected"/>.
/// </summary>
public sealed record AuditedAct(Func<Task> Act, IReadOnlyList<AuditedEntry> Expected);
