using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>Releases and protected records: recording, revoking and downloading releases, asking for notes, the accounting.</summary>
public static class AuditedReleaseActs
{
    private const string Purpose = "Coordinate trauma-focused treatment with the member's therapist";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<AuditedAct> RecordingASignedReleaseAsync(CareAppFactory app)
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var memberId = await app.PanelMemberWithoutReleases();
        var (recipient, today) = (await app.PcpProviderId(), app.Today());
        var release = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.CareManager), $"/Members/{memberId}/Releases/New");
        Dictionary<string, string> fields = new()
        {
            ["Input.Kind"] = nameof(ReleaseKind.PsychotherapyNotesAuthorization),
            ["Input.Information"] = nameof(ReleasedInformation.PsychotherapyNotes),
            ["Input.InformationDescription"] = "Notes from weekly sessions with Dr. Lowe",
            ["Input.AuthorizedDiscloser"] = "Dr. Hannah Lowe, PsyD",
            ["Input.RecipientProviderId"] = recipient.ToString(CultureInfo.InvariantCulture),
            ["Input.RecipientPpgId"] = "",
            ["Input.Purpose"] = "So my PCP can follow my trauma treatment",
            ["Input.EffectiveOn"] = Iso(today.AddDays(-2)),
            ["Input.ExpiresOn"] = Iso(today.AddDays(363)),
            ["Input.ExpirationEvent"] = "",
            ["Input.SignedOn"] = Iso(today.AddDays(-2)),
            ["Input.SignedBy"] = nameof(SignerKind.Member),
            ["Input.SignerName"] = "Riley Member",
            ["Input.RepresentativeAuthority"] = "",
        };
        return new(async () =>
        {
            var response = await release.PostWithFileAsync(fields, "Input.SignedDocument", "signed-release.pdf", ReleaseTesting.Pdf, "application/pdf");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Members/{memberId}/Releases", response.Headers.Location!.ToString());
        }, [new(AuditAction.ReleaseRecorded, AuditOutcome.Success, careManager, memberId)]);
    }

    /// <summary>The privacy office verifies a release a care manager recorded, every element ticked.</summary>
    public static async Task<AuditedAct> VerifyingAReleaseAsync(CareAppFactory app)
    {
        var office = await app.UserIdAsync(Browsing.PrivacyOfficer);
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var (memberId, recipient) = (await app.PanelMemberWithoutReleases(), await app.PcpProviderId());
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, recipient, today, recordedBy: careManager), verified: false);
        var verify = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.PrivacyOfficer), $"/Members/{memberId}/Releases/{releaseId}/Verify");
        return new(async () =>
        {
            var fields = ReleaseElements.For(ReleaseKind.PsychotherapyNotesAuthorization).Select((e, i) => (Key: $"Attested[{i}]", e.Code)).ToDictionary(f => f.Key, f => f.Code);
            var response = await verify.PostAsync(fields, $"{verify.Url}?handler=Verify");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Members/{memberId}/Releases#release-{releaseId}", response.Headers.Location!.ToString());
        }, [new(AuditAction.ReleaseVerified, AuditOutcome.Success, office, memberId)]);
    }

    public static async Task<AuditedAct> RevokingAReleaseAsync(CareAppFactory app)
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var (memberId, recipient) = (await app.PanelMemberWithoutReleases(), await app.PcpProviderId());
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, recipient, today));
        var revoke = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.CareManager), $"/Members/{memberId}/Releases/{releaseId}/Revoke");
        return new(async () =>
        {
            var response = await revoke.PostAsync(new()
            {
                ["Input.Note"] = "Member revoked in writing at the clinic",
                ["Input.SignedOn"] = app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Input.InWritingFromTheMember"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Members/{memberId}/Releases", response.Headers.Location!.ToString());
        }, [new(AuditAction.ReleaseRevoked, AuditOutcome.Success, careManager, memberId)]);
    }

    public static async Task<AuditedAct> DownloadingASignedFormAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var (memberId, recipient) = (await app.PanelMemberWithoutReleases(), await app.PcpProviderId());
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, recipient, today));
        await app.AddSignedFormAsync(releaseId);
        var client = await app.SignedInAs(Browsing.Pcp);
        return new(async () =>
        {
            var response = await client.GetAsync($"/Members/{memberId}/Releases/{releaseId}/Document");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ReleaseTesting.Pdf, await response.Content.ReadAsByteArrayAsync());
        }, [new(AuditAction.ReleaseDocumentViewed, AuditOutcome.Success, pcp, memberId)]);
    }

    /// <summary>Blocked by the consent gate: the refusal is the one entry, and nothing is disclosed.</summary>
    public static async Task<AuditedAct> AskingForNotesWithoutAnAuthorizationAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var memberId = await app.PanelMemberWithoutReleases();
        var request = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), RequestUrl(memberId));
        return new(async () =>
        {
            var response = await request.PostAsync(new() { ["Input.Purpose"] = Purpose });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Nothing was disclosed.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }, [new(AuditAction.ProtectedContentRequested, AuditOutcome.Denied, pcp, memberId, ProtectedContent.PsychotherapyNotes)]);
    }

    /// <summary>
    /// Allowed by the demo member's psychotherapy-notes authorization. Two entries, as ProtectedContentRelease.RequestAsync
    /// writes them on purpose: the request (audited whatever the gate decides), then the disclosure it led to, so the trail
    /// answers both "who asked" and "what left".
    /// </summary>
    public static async Task<AuditedAct> AskingForNotesUnderTheDemoAuthorizationAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var memberId = await app.WithDatabase(async db =>
        {
            var provider = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId == provider
                    && db.ProtectedNotes.Any(n => n.MemberId == m.Id && n.Content == ProtectedContent.PsychotherapyNotes)
                    && db.Releases.Any(r => r.MemberId == m.Id && r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.RevokedAt == null && r.RecipientProviderId == provider))
                .Select(m => m.Id).SingleAsync();
        });
        var request = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), RequestUrl(memberId));
        return new(async () =>
        {
            var response = await request.PostAsync(new() { ["Input.Purpose"] = Purpose });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches($"^/Members/{memberId}/Releases/Disclosures/\\d+$", response.Headers.Location!.ToString());
        },
        [
            new(AuditAction.ProtectedContentRequested, AuditOutcome.Success, pcp, memberId, ProtectedContent.PsychotherapyNotes),
            new(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, pcp, memberId, ProtectedContent.PsychotherapyNotes),
        ]);
    }

    public static async Task<AuditedAct> PrintingTheAccountingOfDisclosuresAsync(CareAppFactory app)
    {
        var (pcp, memberId) = (await app.UserIdAsync(Browsing.Pcp), await app.PanelMemberAsync(skip: 3));
        var client = await app.SignedInAs(Browsing.Pcp);
        return new(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{memberId}/Releases/Accounting")).StatusCode),
            [new(AuditAction.DisclosuresAccounted, AuditOutcome.Success, pcp, memberId)]);
    }

    public static async Task AddSignedFormAsync(this CareAppFactory app, int releaseId) => await app.WithDatabase(async db =>
    {
        db.ReleaseDocuments.Add(new ReleaseDocument
        {
            ReleaseId = releaseId,
            ContentType = "application/pdf",
            Content = ReleaseTesting.Pdf,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ReleaseTesting.Pdf)),
            UploadedAt = DateTime.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    private static string RequestUrl(int memberId) => $"/Members/{memberId}/Releases/Request?content={ProtectedContent.PsychotherapyNotes}";
}
