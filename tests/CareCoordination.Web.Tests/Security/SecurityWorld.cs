using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using CareCoordination.Web.Tests.Releases;

namespace CareCoordination.Web.Tests.Security;

/// <summary>Whose record a request names: one the role may open, one it may not, or its own member with another member's id.</summary>
public enum Ownership
{
    Own,
    Other,
    Foreign,
}

/// <summary>
/// Real ids from the demo database for every route placeholder, chosen per role from decision 0002 (a PCP's panel, a BH
/// clinician's active caseload, every member for a care manager), independently of the app's own MemberAccess. Ids are
/// looked up on every call, so a suite that changes the data (a task claimed, an order stopped) gets ids that still fit.
/// </summary>
public sealed partial class SecurityWorld
{
    /// <summary>An id no row has: what "other" means where the role may see every row.</summary>
    public const int Absent = 999_999;

    public const string TargetEmail = "account.target@demo.test";

    private static readonly string[] SubIds = ["eventId", "orderId", "releaseId", "disclosureId"];

    private readonly CareAppFactory _app;

    private SecurityWorld(CareAppFactory app) => _app = app;

    public DateOnly Today { get; private set; }

    public int PcpProviderId { get; private set; }

    public int BhProviderId { get; private set; }

    public string PcpUserId { get; private set; } = "";

    public string BhUserId { get; private set; } = "";

    /// <summary>An account administrators edit, lock and unlock in these suites, so no demo user is locked out.</summary>
    public string TargetUserId { get; private set; } = "";

    /// <summary>Looks up the demo's people and arranges what the demo lacks: a disclosure to each clinician, an account to edit.</summary>
    public static async Task<SecurityWorld> ArrangeAsync(CareAppFactory app)
    {
        var world = new SecurityWorld(app) { Today = app.Services.GetRequiredService<PlanClock>().Today };
        await app.WithDatabase(async db =>
        {
            var pcp = await db.Users.SingleAsync(u => u.Email == Browsing.Pcp);
            var bh = await db.Users.SingleAsync(u => u.Email == Browsing.Bh);
            (world.PcpUserId, world.PcpProviderId, world.BhUserId, world.BhProviderId) = (pcp.Id, pcp.ProviderId!.Value, bh.Id, bh.ProviderId!.Value);
            return 0;
        });
        world.TargetUserId = await Visitors.CreateUserAsync(app, TargetEmail, CareRoles.CareManager);
        await world.ArrangeDisclosureAsync(Browsing.Pcp, world.PcpUserId, await world.PcpNotesMemberAsync());
        await world.ArrangeDisclosureAsync(Browsing.Bh, world.BhUserId, await world.BhNotesMemberAsync());
        return world;
    }

    /// <summary>Own and other for a target naming one record; own, other and a foreign sub-id for a member's record of a kind.</summary>
    public static IReadOnlyList<Ownership> OwnershipsOf(string target)
    {
        var placeholders = AppHandlers.Placeholders(target);
        if (placeholders.Any(p => SubIds.Contains(p)))
        {
            return [Ownership.Own, Ownership.Other, Ownership.Foreign];
        }

        return placeholders.Any(p => p is "memberId" or "taskId" or "messageId" || (p == "id" && !target.StartsWith("/cds-services", StringComparison.Ordinal)))
            ? [Ownership.Own, Ownership.Other]
            : [Ownership.Own];
    }

    /// <summary>The target with its placeholders replaced by ids fitting the role and ownership.</summary>
    public async Task<string> UrlAsync(string target, Role role, Ownership ownership, string? handler = null)
    {
        var placeholders = AppHandlers.Placeholders(target);
        var values = new Dictionary<string, string>();
        var path = target.Split('?')[0];
        if (path.StartsWith("/Members/{", StringComparison.Ordinal))
        {
            var sub = placeholders.FirstOrDefault(p => SubIds.Contains(p));
            if (ownership == Ownership.Own && sub is "orderId" or "releaseId")
            {
                await EnsureOpenAsync(ViewerOf(role), sub);
            }

            var (memberId, subId) = await MemberAsync(ViewerOf(role), sub, ownership);
            values[placeholders.Contains("memberId") ? "memberId" : "id"] = Text(memberId);
            if (sub is not null)
            {
                values[sub] = Text(subId!.Value);
            }
        }
        else if (placeholders.Contains("taskId"))
        {
            values["taskId"] = ownership == Ownership.Own ? Text(await TaskForAsync(handler)) : Text(Absent);
        }
        else if (placeholders.Contains("messageId"))
        {
            values["messageId"] = Text(await MessageAsync(ownership == Ownership.Own));
        }
        else if (path.StartsWith("/Admin/", StringComparison.Ordinal) && placeholders.Contains("id"))
        {
            values["id"] = ownership == Ownership.Own ? await AdminRecordAsync(path, handler) : path.StartsWith("/Admin/Users", StringComparison.Ordinal) ? "no-such-account" : Text(Absent);
        }
        else if (path.StartsWith("/Privacy/Grants", StringComparison.Ordinal))
        {
            values["id"] = ownership == Ownership.Own ? Text(await GrantForAsync(handler)) : Text(Absent);
        }
        else if (path.StartsWith("/StatusCode", StringComparison.Ordinal))
        {
            values["code"] = "404";
        }
        else if (path.StartsWith("/cds-services", StringComparison.Ordinal))
        {
            values["id"] = "order-sign";
        }

        var unknown = placeholders.Where(p => !values.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, $"No ids for {string.Join(", ", unknown)} in {target}: teach SecurityWorld.UrlAsync where to find them.");
        return PlaceholderPattern().Replace(target, m => values[m.Groups[1].Value]);
    }

    /// <summary>
    /// A grant the handler can act on, added when none is left (a grant approved, declined or reviewed is used up): one
    /// past the BH clinician's daily allowance for approving or declining, an unreviewed one for reviewing.
    /// </summary>
    private async Task<int> GrantForAsync(string? handler) => await _app.WithDatabase(async db =>
    {
        var awaitingApproval = handler is "Approve" or "Decline";
        var open = await db.EmergencyAccesses.Where(e => awaitingApproval
                ? e.Approval == Core.Members.EmergencyApproval.Awaiting
                : e.Review == Core.Members.EmergencyReview.AwaitingReview && e.Approval != Core.Members.EmergencyApproval.Awaiting)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync();
        if (open is { } id)
        {
            return id;
        }

        var member = await db.Members.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
        var grant = Core.Members.EmergencyAccess.Request(BhUserId, member, Core.Members.EmergencyCategory.ImminentThreatToSafety,
            "Crisis call; the member's own clinicians unreachable", DateTime.UtcNow.AddDays(-1),
            grantsTodaySoFar: awaitingApproval ? Core.Members.EmergencyAccess.GrantsPerDayWithoutApproval : 0);
        db.EmergencyAccesses.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    });

    /// <summary>Roles refused at the folder still need well-formed urls: they get the care manager's (every member).</summary>
    private static Role ViewerOf(Role role) => role is Role.Pcp or Role.Bh ? role : Role.CareManager;

    private async Task<(int MemberId, int? SubId)> MemberAsync(Role viewer, string? sub, Ownership ownership) => await _app.WithDatabase(async db =>
    {
        var visible = (await Visible(db, viewer).Select(m => m.Id).ToListAsync()).ToHashSet();
        var candidates = await CandidatesAsync(db, sub, viewer);
        var own = candidates.Where(c => visible.Contains(c.MemberId) && c.Mine).Select(c => ((int, int?)?)(c.MemberId, c.SubId)).FirstOrDefault();
        Assert.True(own is not null, $"No member a {viewer} may see has a {sub ?? "record"}: arrange one in SecurityWorld.");
        switch (ownership)
        {
            case Ownership.Own:
                return own.Value;
            case Ownership.Other:
                var other = candidates.Where(c => !visible.Contains(c.MemberId)).Select(c => ((int, int?)?)(c.MemberId, c.SubId)).FirstOrDefault();
                return other ?? (Absent, candidates[0].SubId);
            default:
                var foreign = candidates.Where(c => c.MemberId != own.Value.Item1).OrderBy(c => visible.Contains(c.MemberId)).First();
                return (own.Value.Item1, foreign.SubId);
        }
    });

    private sealed record Candidate(int MemberId, int? SubId, bool Mine);

    private async Task<List<Candidate>> CandidatesAsync(CareDbContext db, string? sub, Role viewer)
    {
        var me = viewer switch { Role.Pcp => PcpUserId, Role.Bh => BhUserId, _ => null };
        List<Candidate> found = sub switch
        {
            null => await db.Members.OrderBy(m => m.Id).Select(m => new Candidate(m.Id, null, true)).ToListAsync(),
            "eventId" => await db.CoordinationEvents.OrderBy(e => e.MemberId).ThenByDescending(e => e.Id).Select(e => new Candidate(e.MemberId, e.Id, true)).ToListAsync(),
            "orderId" => await db.MedicationOrders.Where(o => o.StopOn == null).OrderBy(o => o.MemberId).ThenBy(o => o.Id).Select(o => new Candidate(o.MemberId, o.Id, true)).ToListAsync(),
            "releaseId" => await db.Releases.Where(r => db.ReleaseDocuments.Any(d => d.ReleaseId == r.Id))
                .OrderBy(r => r.RevokedAt != null).ThenBy(r => r.Verification != ReleaseVerification.AwaitingVerification).ThenBy(r => r.MemberId).ThenBy(r => r.Id).Select(r => new Candidate(r.MemberId, r.Id, true)).ToListAsync(),
            "disclosureId" => await db.Disclosures.OrderBy(d => d.MemberId).ThenBy(d => d.Id)
                .Select(d => new Candidate(d.MemberId, d.Id, me == null || d.DisclosedByUserId == me)).ToListAsync(),
            _ => throw new InvalidOperationException($"Unknown record kind {sub}."),
        };
        return found;
    }

    /// <summary>Decision 0002, written independently of the app: the PCP's panel, the BH clinician's active caseload, every member.</summary>
    public IQueryable<Core.Members.Member> Visible(CareDbContext db, Role viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = Today;
        return viewer switch
        {
            Role.Pcp => db.Members.Where(m => m.PcpId == PcpProviderId),
            Role.Bh => db.Members.Where(m => db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == BhProviderId
                && r.StartOn <= today && (r.EndOn == null || r.EndOn >= today))),
            Role.CareManager => db.Members,
            _ => db.Members.Where(_ => false),
        };
    }

    /// <summary>
    /// Forms that succeed use up what they act on (an order stopped, a release revoked); when the role has none left open,
    /// one is added for a member it may see, as a prescriber or a clinic would have.
    /// </summary>
    private async Task EnsureOpenAsync(Role viewer, string sub) => await _app.WithDatabase(async db =>
    {
        var visible = Visible(db, viewer).Select(m => m.Id);
        if (sub == "orderId")
        {
            if (!await db.MedicationOrders.AnyAsync(o => o.StopOn == null && visible.Contains(o.MemberId)))
            {
                db.MedicationOrders.Add(new Core.Clinical.MedicationOrder
                {
                    MemberId = await visible.OrderBy(id => id).FirstAsync(),
                    DrugName = "sertraline",
                    AtcCode = "N06AB06",
                    Dose = 50m,
                    DoseUnit = "mg",
                    Frequency = Core.Clinical.MedicationFrequency.OnceDaily,
                    StartOn = Today.AddDays(-30),
                    PrescriberId = BhProviderId,
                });
            }
        }
        else if (!await db.Releases.AnyAsync(r => r.RevokedAt == null && r.Verification == ReleaseVerification.AwaitingVerification && visible.Contains(r.MemberId)
            && db.ReleaseDocuments.Any(d => d.ReleaseId == r.Id)))
        {
            // Received from the PCP and awaiting verification: open to revoking and, for the privacy office, to verifying.
            var release = new Release
            {
                MemberId = await visible.OrderBy(id => id).FirstAsync(),
                RecordedByUserId = PcpUserId,
                Kind = ReleaseKind.GeneralReleaseOfInformation,
                Information = ReleasedInformation.MedicalRecords,
                InformationDescription = "Medical records",
                AuthorizedDiscloser = "The clinic",
                RecipientProviderId = PcpProviderId,
                Purpose = "Continuity of care",
                EffectiveOn = Today.AddDays(-10),
                ExpiresOn = Today.AddDays(300),
                SignedOn = Today.AddDays(-10),
                SignedBy = SignerKind.Member,
                SignerName = "Test Member",
            };
            db.Releases.Add(release);
            await db.SaveChangesAsync();
            var scan = "%PDF-1.4\n%%EOF\n"u8.ToArray();
            db.ReleaseDocuments.Add(new ReleaseDocument
            {
                ReleaseId = release.Id,
                ContentType = "application/pdf",
                Content = scan,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)),
                UploadedAt = DateTime.UtcNow,
            });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>A task whose page shows the handler's form: open for Claim, waiting for Resume, closed for Reopen, else in progress.</summary>
    public async Task<int> TaskForAsync(string? handler)
    {
        var wanted = handler switch
        {
            "Claim" => CoordinationTaskStatus.Open,
            "Resume" => CoordinationTaskStatus.WaitingOnProvider,
            "Reopen" => CoordinationTaskStatus.Completed,
            null => CoordinationTaskStatus.Open,
            _ => CoordinationTaskStatus.InProgress,
        };
        var careManager = await _app.WithDatabase(db => db.Users.Where(u => u.Email == Browsing.CareManager).Select(u => u.Id).SingleAsync());
        return await _app.WithDatabase(async db =>
        {
            var task = await db.CoordinationTasks.Where(t => t.Status == wanted && (wanted != CoordinationTaskStatus.Open || t.AssigneeUserId == null))
                .OrderBy(t => t.Id).FirstOrDefaultAsync();
            if (task is not null)
            {
                return task.Id;
            }

            // None left in that state: queue a new one (as the rules would) and take it there, as a care manager would have.
            var now = DateTime.UtcNow;
            var memberId = await db.Members.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            task = CoordinationTask.Open(memberId, cause: null, CoordinationTrigger.PcpFinding, Priority.Routine, Today.AddDays(5), now);
            db.CoordinationTasks.Add(task);
            await db.SaveChangesAsync();
            if (wanted == CoordinationTaskStatus.Open)
            {
                return task.Id;
            }

            Done(task.Claim(careManager));
            if (wanted == CoordinationTaskStatus.WaitingOnProvider)
            {
                Done(task.WaitOnProvider());
            }
            else if (wanted == CoordinationTaskStatus.Completed)
            {
                Done(task.Complete("Arranged by the security suite", now));
            }

            await db.SaveChangesAsync();
            return task.Id;
        });

        static void Done(DomainChange change) => Assert.True(change.Done, change.Refusal);
    }

    private Task<int> MessageAsync(bool toThisPcp) => _app.WithDatabase(async db =>
        await db.InboxMessages.Where(m => (m.RecipientProviderId == PcpProviderId) == toThisPcp).OrderByDescending(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync() ?? Absent);

    /// <summary>An existing directory record; for the account pages, the target account, locked for Unlock and unlocked otherwise.</summary>
    private async Task<string> AdminRecordAsync(string path, string? handler)
    {
        if (path.StartsWith("/Admin/Users", StringComparison.Ordinal))
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
            var target = await users.FindByIdAsync(TargetUserId);
            Assert.NotNull(target);
            await users.SetLockoutEndDateAsync(target, handler == "Unlock" ? DateTimeOffset.MaxValue : null);
            return TargetUserId;
        }

        return Text(await _app.WithDatabase(async db => path switch
        {
            _ when path.StartsWith("/Admin/Groups", StringComparison.Ordinal) => await db.Ppgs.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            _ when path.StartsWith("/Admin/Providers", StringComparison.Ordinal) => await db.Providers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            _ when path.StartsWith("/Admin/CareRelationships", StringComparison.Ordinal) => await db.CareRelationships.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            _ => throw new InvalidOperationException($"No directory record for {path}: teach SecurityWorld.AdminRecordAsync."),
        }));
    }

    /// <summary>A member on the PCP's panel with a psychotherapy-notes authorization naming the PCP, and notes on file (the demo has one).</summary>
    private Task<int> PcpNotesMemberAsync() => _app.WithDatabase(db => db.Releases
        .Where(r => r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.RecipientProviderId == PcpProviderId && r.RevokedAt == null
            && db.Members.Any(m => m.Id == r.MemberId && m.PcpId == PcpProviderId)
            && db.ProtectedNotes.Any(n => n.MemberId == r.MemberId && n.Content == ProtectedContent.PsychotherapyNotes))
        .Select(r => r.MemberId).FirstAsync());

    /// <summary>A member the BH clinician treats who is not on the PCP's panel, given an authorization naming him and a note.</summary>
    private async Task<int> BhNotesMemberAsync()
    {
        var memberId = await _app.WithDatabase(db => Visible(db, Role.Bh).Where(m => m.PcpId != PcpProviderId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        await _app.WithDatabase(async db =>
        {
            db.Releases.Add(new Release
            {
                MemberId = memberId,
                Kind = ReleaseKind.PsychotherapyNotesAuthorization,
                Information = ReleasedInformation.PsychotherapyNotes,
                InformationDescription = "Psychotherapy notes from individual sessions",
                AuthorizedDiscloser = "Dr. Hannah Lowe, PsyD",
                RecipientProviderId = BhProviderId,
                Purpose = "Coordination with the treating psychiatrist",
                EffectiveOn = Today.AddDays(-30),
                ExpiresOn = Today.AddDays(300),
                SignedOn = Today.AddDays(-30),
                SignedBy = SignerKind.Member,
                SignerName = "Test Member",
            }.VerifiedByThePrivacyOffice());
            db.ProtectedNotes.Add(new ProtectedNote
            {
                MemberId = memberId,
                Content = ProtectedContent.PsychotherapyNotes,
                AuthorProviderId = BhProviderId,
                WrittenOn = Today.AddDays(-7),
                Text = "Session 1. Security suite note.",
            });
            return await db.SaveChangesAsync();
        });
        return memberId;
    }

    /// <summary>The clinician asks for the notes through the app, as a person would; the gate allows and records a disclosure.</summary>
    private async Task ArrangeDisclosureAsync(string email, string userId, int memberId)
    {
        var clinician = await _app.SignedInAs(email);
        var response = await clinician.SubmitFormAsync($"/Members/{memberId}/Releases/Request?content=PsychotherapyNotes",
            new() { ["Input.Purpose"] = "Coordinate treatment (security suite)" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Disclosures/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(await _app.WithDatabase(db => db.Disclosures.AnyAsync(d => d.MemberId == memberId && d.DisclosedByUserId == userId)));
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
