using System.Net;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>Administrators add and edit participating physician groups: unique names, North American phone and fax numbers.</summary>
public class ManagingGroups(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static Dictionary<string, string> Group(string name, string phone = "", string fax = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.Phone"] = phone,
        ["Input.Fax"] = fax,
    };

    [Fact]
    public async Task A_new_group_is_listed_by_name_with_its_numbers_written_the_directory_way()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var audited = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));

        var response = await client.SubmitFormAsync("/Admin/Groups/New", Group("  Bayside Family Physicians ", "555.010.5000", "+1 555 010 5001"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Groups", response.Headers.Location!.ToString());
        var saved = await app.WithDatabase(db => db.Ppgs.SingleAsync(g => g.Name == "Bayside Family Physicians"));
        Assert.Equal(("(555) 010-5000", "(555) 010-5001"), (saved.Phone, saved.Fax));
        var text = Browsing.Text(await client.GetStringAsync("/Admin/Groups"));
        Assert.Contains("Added Bayside Family Physicians.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Bayside Family Physicians", StringComparison.Ordinal) < text.IndexOf("Harbor Valley Medical Group", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Harbor Valley Medical Group", StringComparison.Ordinal) < text.IndexOf("Mission Ridge Physicians", StringComparison.Ordinal));
        Assert.Equal(audited + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task A_second_administrator_saving_over_a_newer_version_sees_both_and_saves_nothing_until_they_choose()
    {
        var id = await app.WithDatabase(db => db.Ppgs.Where(g => g.Name == "Mission Ridge Physicians").Select(g => g.Id).SingleAsync());
        var url = $"/Admin/Groups/{id}/Edit";
        var first = await app.SignedInAs(Browsing.Admin);
        var second = await app.SignedInAs(Browsing.Admin);
        var secondsPage = await second.GetStringAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, Group("Mission Ridge Physicians", "555-010-7100"))).StatusCode);
        var stale = await second.PostFormAsync(url, secondsPage, new(Group("Mission Ridge Physicians", "555-010-7200"))
        {
            ["SubmissionId"] = Browsing.HiddenValue(secondsPage, "SubmissionId")!,
            ["Version"] = Browsing.HiddenValue(secondsPage, "Version")!,
        });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("This record was changed by someone else", text, StringComparison.Ordinal);
        Assert.Contains("Phone (555) 010-7100 555-010-7200 (differs)", text, StringComparison.Ordinal);
        Assert.Contains("value=\"555-010-7200\"", html, StringComparison.Ordinal);
        Assert.Equal("(555) 010-7100", await app.WithDatabase(db => db.Ppgs.Where(g => g.Id == id).Select(g => g.Phone).SingleAsync()));

        // Saving again from the conflict page, now at the newer version, is a deliberate overwrite.
        var again = await second.PostFormAsync(url, html, new(Group("Mission Ridge Physicians", "555-010-7200"))
        {
            ["SubmissionId"] = Browsing.HiddenValue(html, "SubmissionId")!,
            ["Version"] = Browsing.HiddenValue(html, "Version")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("(555) 010-7200", await app.WithDatabase(db => db.Ppgs.Where(g => g.Id == id).Select(g => g.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_messages_next_to_the_fields_keeps_what_was_typed_and_saves_nothing()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Ppgs.CountAsync());

        var empty = await client.SubmitFormAsync("/Admin/Groups/New", Group("", "555-0102", "call us"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal("Enter the group's name.", AdminForms.MessageFor(html, "Input.Name"));
        Assert.Equal("Enter the phone number as a 10-digit North American number, like (555) 010-2000.", AdminForms.MessageFor(html, "Input.Phone"));
        Assert.Equal("Enter the fax number as a 10-digit North American number, like (555) 010-2000.", AdminForms.MessageFor(html, "Input.Fax"));
        Assert.Contains("value=\"555-0102\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"call us\"", html, StringComparison.Ordinal);

        var tooLong = await client.SubmitFormAsync("/Admin/Groups/New", Group(new string('A', 201)));
        Assert.Equal("A group name is at most 200 characters.", AdminForms.MessageFor(await tooLong.Content.ReadAsStringAsync(), "Input.Name"));
        Assert.Equal(before, await app.WithDatabase(db => db.Ppgs.CountAsync()));
    }

    [Fact]
    public async Task A_name_already_in_the_directory_is_refused_whatever_its_case()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Ppgs.CountAsync());
        var url = "/Admin/Groups/New";
        var page = await client.GetStringAsync(url);
        var fields = Group("harbor valley MEDICAL group");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var response = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A group named “harbor valley MEDICAL group” is already in the directory. Choose another name, or edit that group.",
            AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Name"));
        Assert.Equal(before, await app.WithDatabase(db => db.Ppgs.CountAsync()));

        // The refused post did not use up the form: corrected, the same submission goes through.
        fields["Input.Name"] = "Harbor Valley Pediatrics";
        var corrected = await client.PostFormAsync(url, page, new(fields));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(before + 1, await app.WithDatabase(db => db.Ppgs.CountAsync()));
    }

    [Fact]
    public async Task Editing_a_group_saves_its_new_name_and_numbers()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var id = await app.WithDatabase(async db =>
        {
            db.Ppgs.Add(new Core.Providers.ParticipatingPhysicianGroup { Name = "Valley Oak Clinic" });
            await db.SaveChangesAsync();
            return await db.Ppgs.Where(g => g.Name == "Valley Oak Clinic").Select(g => g.Id).SingleAsync();
        });
        var form = await client.GetStringAsync($"/Admin/Groups/{id}/Edit");
        Assert.Contains("value=\"Valley Oak Clinic\"", form, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync($"/Admin/Groups/{id}/Edit", Group("Valley Oak Medical Clinic", "(555) 010-7000", "5550107001"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDatabase(db => db.Ppgs.SingleAsync(g => g.Id == id));
        Assert.Equal(("Valley Oak Medical Clinic", "(555) 010-7000", "(555) 010-7001"), (saved.Name, saved.Phone, saved.Fax));
        Assert.Contains("Saved Valley Oak Medical Clinic.", Browsing.Text(await client.GetStringAsync("/Admin/Groups")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_keeps_a_groups_own_name_but_refuses_another_groups()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var mission = await app.WithDatabase(db => db.Ppgs.SingleAsync(g => g.Name == "Mission Ridge Physicians"));

        var same = await client.SubmitFormAsync($"/Admin/Groups/{mission.Id}/Edit", Group("Mission Ridge Physicians", mission.Phone!, mission.Fax!));
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);

        var taken = await client.SubmitFormAsync($"/Admin/Groups/{mission.Id}/Edit", Group("Harbor Valley Medical Group"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("is already in the directory", AdminForms.MessageFor(await taken.Content.ReadAsStringAsync(), "Input.Name"), StringComparison.Ordinal);

        var invalid = await client.SubmitFormAsync($"/Admin/Groups/{mission.Id}/Edit", Group("", "12"));
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal("Enter the group's name.", AdminForms.MessageFor(html, "Input.Name"));
        Assert.NotNull(AdminForms.MessageFor(html, "Input.Phone"));
        Assert.Equal("Mission Ridge Physicians", await app.WithDatabase(db => db.Ppgs.Where(g => g.Id == mission.Id).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_adds_one_group()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var page = await client.GetStringAsync("/Admin/Groups/New");
        var fields = Group("Eastside Primary Care");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync("/Admin/Groups/New", page, new(fields));
        var second = await client.PostFormAsync("/Admin/Groups/New", page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.Ppgs.CountAsync(g => g.Name == "Eastside Primary Care")));
    }
}
