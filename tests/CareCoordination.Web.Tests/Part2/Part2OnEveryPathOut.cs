using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Reports;
using CareCoordination.Web.Tests.Admin;
using CareCoordination.Web.Tests.Cds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Part2;

/// <summary>
/// What a 42 CFR Part 2 program records leaves by every path (the PCP's inbox, the member summary and event page, a CDS
/// card, a report and its CSV) only under a consent that covers the recipient, and then with the 2.32 notice; elsewhere a
/// neutral line stands in for it. The demo plan's opioid treatment program (otp@demo.test) recorded an intake and a
/// buprenorphine start for two members: one with a TPO consent on file, one without.
/// </summary>
public partial class Part2OnEveryPathOut(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    private const string Otp = "otp@demo.test";

    /// <summary>Words that would tell a recipient what the program recorded.</summary>
    private static readonly string[] Part2Details = ["buprenorphine", "opioid", "F11", "Delgado"];

    private const string StartedDetail = "Started buprenorphine-naloxone 8 mg/2 mg sublingual twice daily";

    public sealed record Program2Member(int Id, string PlanMemberId, int PcpId, string PcpNpi, int StartEventId, int IntakeEventId);

    private Task<(int ProgramId, Program2Member Consented, Program2Member NotConsented)> WorldAsync() => app.WithDatabase(async db =>
    {
        var program = await db.Users.Where(u => u.Email == Otp).Select(u => u.ProviderId!.Value).SingleAsync();
        Assert.True(await db.Providers.Where(p => p.Id == program).Select(p => p.IsPart2Program).SingleAsync());
        var members = await db.CoordinationEvents.Where(e => e.ProviderId == program).Select(e => e.MemberId).Distinct().ToListAsync();
        Assert.Equal(2, members.Count);
        async Task<Program2Member> Describe(int memberId)
        {
            var member = await db.Members.Where(m => m.Id == memberId).Select(m => new { m.Id, m.PlanMemberId, PcpId = m.PcpId!.Value }).SingleAsync();
            var npi = await db.Providers.Where(p => p.Id == member.PcpId).Select(p => p.Npi).SingleAsync();
            var events = await db.CoordinationEvents.Where(e => e.MemberId == memberId && e.ProviderId == program).ToListAsync();
            return new Program2Member(member.Id, member.PlanMemberId, member.PcpId, npi.Value,
                events.Single(e => e.Kind == CoordinationEventKind.MedicationStarted).Id, events.Single(e => e.Kind == CoordinationEventKind.Assessment).Id);
        }

        var consented = members.Where(id => db.Releases.Any(r => r.MemberId == id && r.CoversTreatmentPaymentAndOperations)).ToList();
        return (program, await Describe(Assert.Single(consented)), await Describe(members.Single(id => !consented.Contains(id))));
    });

    /// <summary>The notice the gate gives for this member and recipient, as the consent engineer's gate words it.</summary>
    private Task<string> NoticeFor(int memberId, Part2Recipient recipient) => app.WithDatabase(async db =>
    {
        var today = app.Services.GetRequiredService<PlanClock>().Today;
        var releases = await db.Releases.AsNoTracking().Where(r => r.MemberId == memberId).ToListAsync();
        var decision = Part2Sharing.For(recipient, releases, today).Decision;
        Assert.True(decision.Allowed);
        return decision.RedisclosureNotice!;
    });

    public static TheoryData<string, bool> Channels => new()
    {
        { "inbox", true }, { "inbox", false },
        { "summary", true }, { "summary", false },
        { "event", true }, { "event", false },
        { "cds", true }, { "cds", false },
        { "report", true }, { "report", false },
        { "csv", true }, { "csv", false },
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Part2_information_goes_out_only_under_a_covering_consent_and_then_with_its_notice(string channel, bool consentOnFile)
    {
        var (_, consented, notConsented) = await WorldAsync();
        var member = consentOnFile ? consented : notConsented;

        var (received, recipient) = await ReceivedAsync(channel, member);

        if (consentOnFile)
        {
            // A card gives the rule's reason for the start; every other path the start's own line.
            var detail = channel == "cds"
                ? await app.WithDatabase(db => db.CoordinationFlags.Where(f => f.EventId == member.StartEventId).Select(f => f.Reason).SingleAsync())
                : StartedDetail;
            Assert.Contains(detail, received, StringComparison.Ordinal);
            Assert.Contains(await NoticeFor(member.Id, recipient), received, StringComparison.Ordinal);
            Assert.DoesNotContain(Part2Sharing.WithheldLine, received, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(Part2Sharing.WithheldLine, received, StringComparison.Ordinal);
            Assert.All(Part2Details, detail => Assert.DoesNotContain(detail, received, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>What the channel's recipient got about the member's program buprenorphine start, and who that recipient was.</summary>
    private async Task<(string Text, Part2Recipient Recipient)> ReceivedAsync(string channel, Program2Member member)
    {
        var pcp = await app.WithDatabase(db => db.Providers.Where(p => p.Id == member.PcpId).Select(p => new Part2Recipient(p.Id, p.PpgId)).SingleAsync());
        switch (channel)
        {
            case "inbox":
                var message = await app.WithDatabase(db => db.InboxMessages.AsNoTracking().SingleAsync(m => m.EventId == member.StartEventId));
                Assert.Equal(member.PcpId, message.RecipientProviderId);
                return (message.Subject + "\n" + message.Body, pcp);
            case "summary":
                return (Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{member.Id}")), Part2Recipient.Plan);
            case "event":
                return (Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{member.Id}/Events/{member.StartEventId}")),
                    Part2Recipient.Plan);
            case "cds":
                var call = CdsFixtures.PatientView(CdsFixtures.Resource("patient-member.json", ("MEMBER-ID-FROM-DEMO-PLAN", member.PlanMemberId)));
                call["prefetch"]!["user"] = CdsFixtures.Resource("practitioner-with-npi.json", ("NPI-FROM-DEMO-DIRECTORY", member.PcpNpi));
                var cards = await app.CardsAsync("patient-view", call);
                var t1 = Assert.Single(cards, c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "T1");
                return (Detail(t1).Replace("\\", "", StringComparison.Ordinal), pcp);
            case "report":
                var page = await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync("/Reports/PsychotropicStarts");
                var row = TableRows().Matches(page).Select(m => m.Value).Single(r => r.Contains(member.PlanMemberId, StringComparison.Ordinal));
                var notices = string.Join("\n", NoticeParagraphs().Matches(page).Select(m => m.Value));
                return (Browsing.Text(row) + "\n" + Browsing.Text(notices), Part2Recipient.Plan);
            default:
                var response = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Reports/PsychotropicStarts?handler=Export");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
                var line = lines.Single(l => l.StartsWith(member.PlanMemberId + ",", StringComparison.Ordinal));
                return (line + "\n" + string.Join("\n", lines.Where(l => l.StartsWith(Part2Rows.NoticeLabel, StringComparison.Ordinal))), Part2Recipient.Plan);
        }
    }

    private static string Detail(JsonNode? card) => card!["detail"]!.GetValue<string>();

    [Fact]
    public async Task Without_a_consent_the_pcp_is_still_told_and_a_care_manager_is_asked_to_seek_one()
    {
        var (_, consented, notConsented) = await WorldAsync();

        var (withheld, told) = await app.WithDatabase(async db => (
            await db.CoordinationTasks.Where(t => t.Trigger == CoordinationTrigger.Part2ConsentNeeded).Select(t => new { t.MemberId, t.EventId, t.Status }).ToListAsync(),
            await db.InboxMessages.Where(m => m.EventId == notConsented.IntakeEventId || m.EventId == notConsented.StartEventId).ToListAsync()));

        Assert.Equal([notConsented.IntakeEventId, notConsented.StartEventId], withheld.Where(t => t.MemberId == notConsented.Id).Select(t => t.EventId!.Value).Order());
        Assert.DoesNotContain(withheld, t => t.MemberId == consented.Id);
        Assert.All(withheld, t => Assert.Equal(CoordinationTaskStatus.Open, t.Status));
        Assert.Equal(2, told.Count);
        Assert.All(told, m => Assert.Equal(CoordinationRecorder.WithheldSubject, m.Subject));

        // The PCP's inbox shows the neutral message, and acknowledging it leaves the consent task open.
        var client = await app.SignedInAs(Browsing.Pcp);
        var inbox = await client.GetStringAsync("/Inbox");
        Assert.Contains(CoordinationRecorder.WithheldSubject, Browsing.Text(inbox), StringComparison.Ordinal);
        var intake = told.Single(m => m.EventId == notConsented.IntakeEventId);
        await client.PostFormAsync($"/Inbox?handler=Acknowledge&messageId={intake.Id}", inbox, []);
        Assert.Equal(CoordinationTaskStatus.Open, await app.WithDatabase(db => db.CoordinationTasks
            .Where(t => t.EventId == intake.EventId && t.Trigger == CoordinationTrigger.Part2ConsentNeeded).Select(t => t.Status).SingleAsync()));

        var task = await app.WithDatabase(db => db.CoordinationTasks.Where(t => t.MemberId == notConsented.Id && t.Trigger == CoordinationTrigger.Part2ConsentNeeded)
            .Select(t => t.Id).FirstAsync());
        var queued = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Queue/{task}"));
        Assert.Contains("PART2-CONSENT", queued, StringComparison.Ordinal);
        Assert.Contains("42 CFR Part 2: “", queued, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_programs_own_clinician_sees_what_the_program_recorded(bool consentOnFile)
    {
        var (_, consented, notConsented) = await WorldAsync();
        var member = consentOnFile ? consented : notConsented;
        var client = await app.SignedInAs(Otp);

        var summary = Browsing.Text(await client.GetStringAsync($"/Members/{member.Id}"));
        var recorded = Browsing.Text(await client.GetStringAsync($"/Members/{member.Id}/Events/{member.StartEventId}"));

        Assert.Contains(StartedDetail, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Part2Sharing.WithheldLine, summary, StringComparison.Ordinal);
        // The event page shows the program everything it recorded, and, below, exactly what its PCP message carried.
        var reason = await app.WithDatabase(db => db.CoordinationFlags.Where(f => f.EventId == member.StartEventId).Select(f => f.Reason).SingleAsync());
        Assert.Contains(StartedDetail, recorded, StringComparison.Ordinal);
        Assert.Contains(reason, recorded, StringComparison.Ordinal);
        Assert.Contains("recorded by Dr. Rosa Delgado", recorded, StringComparison.Ordinal);
        Assert.Contains("Opioid treatment program intake", summary, StringComparison.Ordinal);
        Assert.Contains("F11.20", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_no_Part2_program_recorded_is_unchanged()
    {
        var (program, _, notConsented) = await WorldAsync();
        var routine = await app.WithDatabase(db => db.CoordinationEvents.Where(e => !e.IsPart2Information && e.ProviderId != program
            && db.InboxMessages.Any(m => m.EventId == e.Id)).OrderBy(e => e.Id).Select(e => new { e.Id, e.MemberId, e.Summary }).FirstAsync());
        var message = await app.WithDatabase(db => db.InboxMessages.SingleAsync(m => m.EventId == routine.Id));

        Assert.Contains("What happened: " + routine.Summary, message.Body, StringComparison.Ordinal);
        Assert.EndsWith("Routine coordination information for treatment (45 CFR 164.506(c)); no psychotherapy notes are included.", message.Body, StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.CoordinationTasks.AnyAsync(t => t.EventId == routine.Id && t.Trigger == CoordinationTrigger.Part2ConsentNeeded)));
        var summary = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{routine.MemberId}"));
        Assert.Contains(routine.Summary, summary, StringComparison.Ordinal);

        // On the member whose program details are withheld, what other clinicians recorded still shows.
        var schizophrenia = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{notConsented.Id}"));
        Assert.Contains("clozapine", schizophrenia, StringComparison.Ordinal);
        Assert.Contains("F20.9", schizophrenia, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_care_managers_queue_and_task_page_follow_the_same_rule(bool consentOnFile)
    {
        var (_, consented, notConsented) = await WorldAsync();
        var member = consentOnFile ? consented : notConsented;
        var (task, ppg) = await app.WithDatabase(async db => (
            await db.CoordinationTasks.Where(t => t.EventId == member.StartEventId && t.Trigger == CoordinationTrigger.PsychotropicStartOrChange).Select(t => t.Id).SingleAsync(),
            await db.Members.Where(m => m.Id == member.Id).Select(m => m.PpgId).SingleAsync()));
        var client = await app.SignedInAs(Browsing.CareManager);

        var detail = Browsing.Text(await client.GetStringAsync($"/Queue/{task}"));
        var queue = Browsing.Text(await client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/Queue?trigger=PsychotropicStartOrChange&ppg={ppg}")));

        if (consentOnFile)
        {
            Assert.Contains(StartedDetail, detail, StringComparison.Ordinal);
            Assert.Contains(await NoticeFor(member.Id, Part2Recipient.Plan), detail, StringComparison.Ordinal);
            Assert.Contains(StartedDetail, queue, StringComparison.Ordinal);
        }
        else
        {
            Assert.All([detail, queue], page =>
            {
                Assert.Contains(Part2Sharing.WithheldLine, page, StringComparison.Ordinal);
                Assert.All(Part2Details, d => Assert.DoesNotContain(d, page, StringComparison.OrdinalIgnoreCase));
            });
        }
    }

    [Fact]
    public async Task Another_prescriber_of_the_member_does_not_see_the_programs_orders_without_consent()
    {
        var (_, _, notConsented) = await WorldAsync();
        var whitfield = await app.WithDatabase(db => db.Users.Where(u => u.Email == Browsing.Bh).Select(u => u.ProviderId!.Value).SingleAsync());
        var today = app.Services.GetRequiredService<PlanClock>().Today;
        await app.WithDatabase(async db =>
        {
            db.CareRelationships.Add(new Core.Members.CareRelationship { MemberId = notConsented.Id, ProviderId = whitfield, StartOn = today });
            return await db.SaveChangesAsync();
        });
        try
        {
            var theirs = Browsing.Text(await (await app.SignedInAs(Browsing.Bh)).GetStringAsync($"/Members/{notConsented.Id}/Prescriptions"));
            var own = Browsing.Text(await (await app.SignedInAs(Otp)).GetStringAsync($"/Members/{notConsented.Id}/Prescriptions"));

            Assert.Contains(Part2Sharing.WithheldLine, theirs, StringComparison.Ordinal);
            Assert.DoesNotContain("buprenorphine", theirs, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("clozapine", theirs, StringComparison.Ordinal);
            Assert.Contains("buprenorphine", own, StringComparison.Ordinal);
            Assert.DoesNotContain(Part2Sharing.WithheldLine, own, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDatabase(db => db.CareRelationships.Where(r => r.MemberId == notConsented.Id && r.ProviderId == whitfield).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Events_stay_Part2_information_when_the_directory_changes_later()
    {
        var (program, _, notConsented) = await WorldAsync();
        await app.WithDatabase(db => db.Providers.Where(p => p.Id == program).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPart2Program, false)));
        try
        {
            var recorded = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{notConsented.Id}/Events/{notConsented.StartEventId}"));

            Assert.Contains(Part2Sharing.WithheldLine, recorded, StringComparison.Ordinal);
            Assert.DoesNotContain(StartedDetail, recorded, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDatabase(db => db.Providers.Where(p => p.Id == program).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPart2Program, true)));
        }
    }

    [Fact]
    public async Task The_consent_gap_list_counts_the_member_but_names_no_diagnosis_the_program_recorded()
    {
        var (_, _, notConsented) = await WorldAsync();
        var client = await app.SignedInAs(Browsing.CareManager);

        var page = await client.GetStringAsync("/Reports/Consent");
        var row = Browsing.Text(TableRows().Matches(page).Select(m => m.Value).Single(r => r.Contains(notConsented.PlanMemberId, StringComparison.Ordinal)));
        var csv = Encoding.UTF8.GetString((await (await client.GetAsync("/Reports/Consent?handler=ExportSud")).Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n").Single(l => l.StartsWith(notConsented.PlanMemberId + ",", StringComparison.Ordinal));

        Assert.All([row, csv], listed =>
        {
            Assert.Contains(Part2Sharing.WithheldLine, listed, StringComparison.Ordinal);
            Assert.DoesNotContain("F11", listed, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_administrator_marks_a_provider_as_a_Part2_program_and_the_directory_shows_it()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var npi = AdminForms.ValidNpi(190000777);

        var response = await client.SubmitFormAsync("/Admin/Providers/New", new Dictionary<string, string>
        {
            ["Input.Npi"] = npi,
            ["Input.GivenName"] = "Iris",
            ["Input.FamilyName"] = "Okonkwo",
            ["Input.Credentials"] = "MD",
            ["Input.Kind"] = "BehavioralHealthPractitioner",
            ["Input.Discipline"] = "Psychiatrist",
            ["Input.CanPrescribe"] = "true",
            ["Input.IsPart2Program"] = "true",
            ["Input.PpgId"] = "",
            ["Input.Phone"] = "",
            ["Input.Fax"] = "",
            ["Input.SecureEmail"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Okonkwo"));
        Assert.True(saved.IsPart2Program);
        var list = await client.GetStringAsync("/Admin/Providers");
        var row = TableRows().Matches(list).Select(m => m.Value).Single(r => r.Contains("Okonkwo", StringComparison.Ordinal));
        Assert.Contains("42 CFR Part 2 program", Browsing.Text(row), StringComparison.Ordinal);
        var edit = await client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/Admin/Providers/{saved.Id}/Edit"));
        Assert.Matches("<input[^>]*checked[^>]*name=\"Input.IsPart2Program\"|<input[^>]*name=\"Input.IsPart2Program\"[^>]*checked", edit);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();

    [GeneratedRegex("<p class=\"report-note part2-notice\"[^>]*>.*?</p>", RegexOptions.Singleline)]
    private static partial Regex NoticeParagraphs();
}
