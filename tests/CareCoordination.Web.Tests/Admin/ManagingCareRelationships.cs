using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>
/// Administrators start and end the care relationships that decide which members a BH clinician may see. The member is
/// found by plan member ID, posted, never in a URL.
/// </summary>
public class ManagingCareRelationships(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private DateOnly Today => app.Services.GetRequiredService<PlanClock>().Today;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Relationship(string planMemberId, int? providerId, DateOnly? startOn) => new()
    {
        ["Input.PlanMemberId"] = planMemberId,
        ["Input.ProviderId"] = providerId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.StartOn"] = startOn is { } day ? Iso(day) : "",
    };

    private Task<int> Whitfield() => app.WithDatabase(db => db.Providers.Where(p => p.FamilyName == "Whitfield").Select(p => p.Id).SingleAsync());

    /// <summary>A member Dr. Whitfield (bh@demo.test) has never treated; <paramref name="skip"/> picks a different one per test.</summary>
    private async Task<Member> UntreatedByWhitfield(int skip)
    {
        var whitfield = await Whitfield();
        return await app.WithDatabase(db => db.Members.Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield))
            .OrderBy(m => m.Id).Skip(skip).FirstAsync());
    }

    [Fact]
    public async Task Starting_a_relationship_opens_the_record_to_the_clinician_and_ending_it_closes_it()
    {
        var member = await UntreatedByWhitfield(0);
        var whitfield = await Whitfield();
        var admin = await app.SignedInAs(Browsing.Admin);
        var bh = await app.SignedInAs(Browsing.Bh);
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{member.Id}")).StatusCode);

        var started = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship(member.PlanMemberId.ToLowerInvariant(), whitfield, Today.AddDays(-10)));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/Admin/CareRelationships", started.Headers.Location!.ToString());
        Assert.DoesNotContain(member.PlanMemberId, started.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        var list = Browsing.Text(await admin.GetStringAsync("/Admin/CareRelationships"));
        Assert.Contains("Added the care relationship with Samuel Whitfield, MD", list, StringComparison.Ordinal);
        Assert.Contains($"{member.FamilyName}, {member.GivenName}", list, StringComparison.Ordinal);
        Assert.Contains(member.PlanMemberId, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bh.GetAsync($"/Members/{member.Id}")).StatusCode);
        Assert.Equal(1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged && a.MemberId == member.Id)));

        var relationship = await app.WithDatabase(db => db.CareRelationships.SingleAsync(r => r.MemberId == member.Id && r.ProviderId == whitfield));
        var endPage = Browsing.Text(await admin.GetStringAsync($"/Admin/CareRelationships/{relationship.Id}/End"));
        Assert.Contains(member.FullName, endPage, StringComparison.Ordinal);
        Assert.Contains("Samuel Whitfield, MD", endPage, StringComparison.Ordinal);

        var ended = await admin.SubmitFormAsync($"/Admin/CareRelationships/{relationship.Id}/End", new() { ["Input.LastDay"] = Iso(Today.AddDays(-1)) });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(Today.AddDays(-1), await app.WithDatabase(db => db.CareRelationships.Where(r => r.Id == relationship.Id).Select(r => r.EndOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{member.Id}")).StatusCode);
        Assert.Equal(2, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged && a.MemberId == member.Id)));

        // Ended relationships leave the current list, and come back with the toggle.
        var row = $"href=\"/Admin/CareRelationships/{relationship.Id}/End\"";
        Assert.DoesNotContain(row, await admin.GetStringAsync("/Admin/CareRelationships"), StringComparison.Ordinal);
        Assert.Contains(row, await admin.GetStringAsync("/Admin/CareRelationships?IncludeEnded=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_a_member_shows_who_the_id_belongs_to_without_saving_anything()
    {
        var member = await UntreatedByWhitfield(1);
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/CareRelationships/New");
        Assert.Contains($"value=\"{Iso(Today)}\"", page, StringComparison.Ordinal);
        var relationships = await app.WithDatabase(db => db.CareRelationships.CountAsync());

        var found = await admin.PostFormAsync("/Admin/CareRelationships/New?handler=Find", page, Relationship(member.PlanMemberId, null, Today));
        var missing = await admin.PostFormAsync("/Admin/CareRelationships/New?handler=Find", page, Relationship("M99999999", null, Today));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var foundHtml = await found.Content.ReadAsStringAsync();
        Assert.Contains($"Found <strong>{member.FullName}</strong>, born {member.DateOfBirth.ToString("d", CultureInfo.GetCultureInfo("en-US"))}.", foundHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"{member.PlanMemberId}\"", foundHtml, StringComparison.Ordinal);
        Assert.Equal("No member has this plan member ID. Check it against the member's ID card.", AdminForms.MessageFor(await missing.Content.ReadAsStringAsync(), "Input.PlanMemberId"));
        Assert.Equal(relationships, await app.WithDatabase(db => db.CareRelationships.CountAsync()));
        Assert.True(await app.WithDatabase(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.MemberSearched && a.MemberId == member.Id)));
    }

    [Fact]
    public async Task A_relationship_overlapping_one_between_the_same_pair_is_refused()
    {
        var whitfield = await Whitfield();
        var (member, since) = await app.WithDatabase(async db =>
        {
            var current = await db.CareRelationships.Include(r => r.Member).FirstAsync(r => r.ProviderId == whitfield && r.EndOn == null);
            return (current.Member, current.StartOn);
        });
        var admin = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.CareRelationships.CountAsync());

        var response = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship(member.PlanMemberId, whitfield, Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Samuel Whitfield, MD already treats this member, since {since.ToString("d", CultureInfo.GetCultureInfo("en-US"))}. End that relationship first.",
            AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.StartOn"));
        Assert.Equal(before, await app.WithDatabase(db => db.CareRelationships.CountAsync()));
    }

    [Fact]
    public async Task A_new_relationship_may_follow_an_ended_one_but_not_overlap_it()
    {
        var member = await UntreatedByWhitfield(2);
        var whitfield = await Whitfield();
        await app.WithDatabase(async db =>
        {
            var earlier = new CareRelationship { MemberId = member.Id, ProviderId = whitfield, StartOn = Today.AddDays(-60) };
            earlier.End(Today.AddDays(-30));
            db.CareRelationships.Add(earlier);
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/CareRelationships/New");
        var submissionId = Browsing.HiddenValue(page, "SubmissionId")!;
        var fields = Relationship(member.PlanMemberId, whitfield, Today.AddDays(-30));
        fields["SubmissionId"] = submissionId;

        var overlapping = await admin.PostFormAsync("/Admin/CareRelationships/New", page, new(fields));
        fields["Input.StartOn"] = Iso(Today.AddDays(-29));
        var following = await admin.PostFormAsync("/Admin/CareRelationships/New", page, new(fields));

        var refusedHtml = await overlapping.Content.ReadAsStringAsync();
        Assert.Contains("Start the new relationship after", AdminForms.MessageFor(refusedHtml, "Input.StartOn"), StringComparison.Ordinal);
        Assert.Contains($"Found <strong>{member.FullName}</strong>", refusedHtml, StringComparison.Ordinal);
        // The refused post did not use up the form: corrected, the same submission goes through.
        Assert.Equal(HttpStatusCode.Redirect, following.StatusCode);
        Assert.Equal(2, await app.WithDatabase(db => db.CareRelationships.CountAsync(r => r.MemberId == member.Id && r.ProviderId == whitfield)));
    }

    [Fact]
    public async Task Only_a_behavioral_health_practitioner_can_be_chosen()
    {
        var member = await UntreatedByWhitfield(3);
        var okafor = await app.WithDatabase(db => db.Providers.Where(p => p.FamilyName == "Okafor").Select(p => p.Id).SingleAsync());
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/CareRelationships/New");
        Assert.DoesNotContain("Okafor", page, StringComparison.Ordinal);

        var response = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship(member.PlanMemberId, okafor, Today));

        Assert.Equal("Choose a behavioral health practitioner from the list.", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.ProviderId"));
        Assert.False(await app.WithDatabase(db => db.CareRelationships.AnyAsync(r => r.ProviderId == okafor)));
    }

    [Fact]
    public async Task Missing_or_malformed_fields_get_messages_and_an_unknown_member_is_named_as_such()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var whitfield = await Whitfield();
        var before = await app.WithDatabase(db => db.CareRelationships.CountAsync());

        var empty = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship("", null, null));
        var malformed = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship("M1 OR 1=1", whitfield, Today.AddYears(2)));
        var unknown = await admin.SubmitFormAsync("/Admin/CareRelationships/New", Relationship("M99999999", whitfield, Today));

        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal("Enter the member's plan member ID.", AdminForms.MessageFor(html, "Input.PlanMemberId"));
        Assert.Equal("Choose the BH practitioner who is treating the member.", AdminForms.MessageFor(html, "Input.ProviderId"));
        Assert.Equal("Enter the first day of treatment.", AdminForms.MessageFor(html, "Input.StartOn"));
        var malformedHtml = await malformed.Content.ReadAsStringAsync();
        Assert.Equal("A plan member ID is 4 to 20 letters or digits, as printed on the ID card.", AdminForms.MessageFor(malformedHtml, "Input.PlanMemberId"));
        Assert.Equal("Start within the next year.", AdminForms.MessageFor(malformedHtml, "Input.StartOn"));
        Assert.Contains("value=\"M1 OR 1=1\"", malformedHtml, StringComparison.Ordinal);
        Assert.Equal("No member has this plan member ID. Check it against the member's ID card.", AdminForms.MessageFor(await unknown.Content.ReadAsStringAsync(), "Input.PlanMemberId"));
        Assert.Equal(before, await app.WithDatabase(db => db.CareRelationships.CountAsync()));
    }

    [Fact]
    public async Task A_relationship_cannot_end_before_it_started_or_without_a_day()
    {
        var relationship = await app.WithDatabase(db => db.CareRelationships.FirstAsync(r => r.EndOn == null));
        var admin = await app.SignedInAs(Browsing.Admin);
        var url = $"/Admin/CareRelationships/{relationship.Id}/End";

        var early = await admin.SubmitFormAsync(url, new() { ["Input.LastDay"] = Iso(relationship.StartOn.AddDays(-1)) });
        var empty = await admin.SubmitFormAsync(url, new() { ["Input.LastDay"] = "" });

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal($"The last day cannot be before the relationship started, on {relationship.StartOn.ToString("d", CultureInfo.GetCultureInfo("en-US"))}.",
            AdminForms.MessageFor(await early.Content.ReadAsStringAsync(), "Input.LastDay"));
        Assert.Equal("Enter the last day of treatment.", AdminForms.MessageFor(await empty.Content.ReadAsStringAsync(), "Input.LastDay"));
        Assert.Null(await app.WithDatabase(db => db.CareRelationships.Where(r => r.Id == relationship.Id).Select(r => r.EndOn).SingleAsync()));
    }

    [Fact]
    public async Task The_list_says_what_relationships_decide_and_its_views_are_audited()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.MemberSearched));

        var text = Browsing.Text(await admin.GetStringAsync("/Admin/CareRelationships"));

        Assert.Contains("A care relationship is what lets a BH clinician open a member's record", text, StringComparison.Ordinal);
        Assert.Equal(before + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.MemberSearched)));
        Assert.Contains("From the first day you enter, the practitioner can open this member's record", Browsing.Text(await admin.GetStringAsync("/Admin/CareRelationships/New")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_adds_one_relationship()
    {
        var member = await UntreatedByWhitfield(4);
        var whitfield = await Whitfield();
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/CareRelationships/New");
        var fields = Relationship(member.PlanMemberId, whitfield, Today);
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await admin.PostFormAsync("/Admin/CareRelationships/New", page, new(fields));
        var second = await admin.PostFormAsync("/Admin/CareRelationships/New", page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.CareRelationships.CountAsync(r => r.MemberId == member.Id && r.ProviderId == whitfield)));
    }
}
