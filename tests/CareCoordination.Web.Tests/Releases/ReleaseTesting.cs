using System.Net.Http.Headers;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>Real signed-form payloads, a multipart form post as a browser sends it, and releases arranged straight in the database.</summary>
internal static class ReleaseTesting
{
    /// <summary>A complete one-page PDF.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 JPEG.</summary>
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    public sealed record Upload(string FileName, byte[] Content, string ContentType);

    /// <summary>Posts the form of the page at <paramref name="url"/> as multipart, as a browser does with a file input; fields may repeat.</summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(this HttpClient client, string url, List<KeyValuePair<string, string>> fields, Upload? upload)
    {
        var page = await client.GetStringAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Browsing.AntiforgeryToken(page)), "__RequestVerificationToken");
        if (fields.All(f => f.Key != "SubmissionId"))
        {
            form.Add(new StringContent(Browsing.HiddenValue(page, "SubmissionId")!), "SubmissionId");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (upload is not null)
        {
            var file = new ByteArrayContent(upload.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
            form.Add(file, "Input.SignedDocument", upload.FileName);
        }

        return await client.PostAsync(url, form);
    }

    public static async Task<int> PcpProviderId(this CareAppFactory app) => await app.WithDatabase(db => MemberRecordAccess.ProviderOf(db, Browsing.Pcp));

    /// <summary>A member on the demo PCP's panel with no releases yet: each call that arranges one gets a different member.</summary>
    public static async Task<int> PanelMemberWithoutReleases(this CareAppFactory app, int skip = 0) => await app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId == pcp && !db.Releases.Any(r => r.MemberId == m.Id))
            .OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
    });

    /// <summary>A psychotherapy-notes authorization as a valid one reads; tests change what they need.</summary>
    public static Release NotesAuthorization(int memberId, int recipientProviderId, DateOnly today, ReleasedInformation information = ReleasedInformation.PsychotherapyNotes,
        DateOnly? expiresOn = null, string? recordedBy = null) => new()
    {
        MemberId = memberId,
        RecordedByUserId = recordedBy,
        Kind = ReleaseKind.PsychotherapyNotesAuthorization,
        Information = information,
        InformationDescription = "Psychotherapy notes from individual sessions",
        AuthorizedDiscloser = "Dr. Hannah Lowe, PsyD",
        RecipientProviderId = recipientProviderId,
        Purpose = "Coordination with my primary care physician",
        EffectiveOn = today.AddDays(-60),
        ExpiresOn = expiresOn ?? today.AddDays(300),
        SignedOn = today.AddDays(-60),
        SignedBy = SignerKind.Member,
        SignerName = "Test Member",
    };

    /// <summary>The privacy office, checking a form someone else recorded.</summary>
    public static readonly Verifier PrivacyOffice = new("privacy-office-in-tests", IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false);

    public static Release VerifiedByThePrivacyOffice(this Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        release.Verify(PrivacyOffice, DateTime.UtcNow);
        return release;
    }

    /// <summary>Puts a release on file, verified by the privacy office unless <paramref name="verified"/> says it still waits.</summary>
    public static async Task<int> AddReleaseAsync(this CareAppFactory app, Func<DateOnly, Release> release, Action<Release>? after = null, bool verified = true) => await app.WithDatabase(async db =>
    {
        var added = release(app.Today());
        if (verified)
        {
            added.VerifiedByThePrivacyOffice();
        }

        after?.Invoke(added);
        db.Releases.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    });

    public static DateOnly Today(this CareAppFactory app) => app.Services.GetRequiredService<PlanClock>().Today;

    public static Task<int> DisclosureCount(this CareAppFactory app, int memberId) => app.WithDatabase(db => db.Disclosures.CountAsync(d => d.MemberId == memberId));

    public static Task<int> AuditCount(this CareAppFactory app, Core.Audit.AuditAction action, Core.Audit.AuditOutcome outcome, int memberId) =>
        app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == action && a.Outcome == outcome && a.MemberId == memberId));
}
