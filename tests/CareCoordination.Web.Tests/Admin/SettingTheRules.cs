using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>Administrators set the plan's rule settings: starting from the settings in effect, checked, tidied and saved in one row.</summary>
public class SettingTheRules(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static Dictionary<string, string> Settings(string urgent = "0", string high = "2", string routine = "5", string percent = "50",
        string ingredients = "lithium, clozapine", bool nicotine = false, string holidays = "") => new()
    {
        ["Input.UrgentBusinessDays"] = urgent,
        ["Input.HighBusinessDays"] = high,
        ["Input.RoutineBusinessDays"] = routine,
        ["Input.DailyDoseChangePercent"] = percent,
        ["Input.AnyDoseChangeIngredients"] = ingredients,
        ["Input.NicotineCountsAsSubstanceUse"] = nicotine ? "true" : "false",
        ["Input.Holidays"] = holidays,
    };

    private Task<PlanRuleSettings?> Saved() => app.WithDatabase(db => db.PlanRuleSettings.AsNoTracking().SingleOrDefaultAsync());

    [Fact]
    public async Task Saved_settings_round_trip_tidied_and_audited()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SettingsChanged));

        var response = await client.SubmitFormAsync("/Admin/Settings", Settings("1", "3", "7", "33.5", " Lithium ,clozapine, LAMOTRIGINE ,lithium", nicotine: true,
            holidays: "2026-12-25\r\n2026-11-26\r\n\r\n2026-12-25\n 2027-01-01 "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Settings", response.Headers.Location!.ToString());
        var saved = (await Saved())!;
        Assert.Equal(PlanRuleSettings.SingletonId, saved.Id);
        Assert.Equal((1, 3, 7, 0.335m, true), (saved.UrgentBusinessDays, saved.HighBusinessDays, saved.RoutineBusinessDays, saved.DailyDoseChangeThreshold, saved.NicotineCountsAsSubstanceUse));
        Assert.Equal("lithium,clozapine,lamotrigine", saved.AnyDoseChangeIngredients);
        Assert.Equal("2026-11-26,2026-12-25,2027-01-01", saved.Holidays);
        Assert.Equal(await app.WithDatabase(db => db.Users.Where(u => u.Email == Browsing.Admin).Select(u => u.Id).SingleAsync()), saved.UpdatedByUserId);
        Assert.Equal(before + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SettingsChanged)));

        var page = await client.GetStringAsync("/Admin/Settings");
        var text = Browsing.Text(page);
        Assert.Contains("Settings saved.", text, StringComparison.Ordinal);
        Assert.Contains("Last saved by Alex Morgan", text, StringComparison.Ordinal);
        Assert.Contains("value=\"33.5\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"lithium, clozapine, lamotrigine\"", page, StringComparison.Ordinal);
        Assert.Contains("2026-11-26\n2026-12-25\n2027-01-01</textarea>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("The plan's own settings are in effect.", Browsing.Text(await client.GetStringAsync("/Admin")), StringComparison.Ordinal);

        // Saving again changes the one row; there is never a second.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/Admin/Settings", Settings())).StatusCode);
        Assert.Equal((0.5m, ""), ((await Saved())!.DailyDoseChangeThreshold, (await Saved())!.Holidays));
        Assert.Equal(1, await app.WithDatabase(db => db.PlanRuleSettings.CountAsync()));
    }

    [Fact]
    public async Task Each_field_shows_its_documented_default()
    {
        var client = await app.SignedInAs(Browsing.Admin);

        var text = Browsing.Text(await client.GetStringAsync("/Admin/Settings"));

        Assert.Contains("Default: 0 (same day)", text, StringComparison.Ordinal);
        Assert.Contains("Default: 2 business days", text, StringComparison.Ordinal);
        Assert.Contains("Default: 5 business days", text, StringComparison.Ordinal);
        Assert.Contains("Default: 50% up or down", text, StringComparison.Ordinal);
        Assert.Contains("Default: lithium, clozapine", text, StringComparison.Ordinal);
        Assert.Contains("Default: off.", text, StringComparison.Ordinal);
        Assert.Contains("Default: none.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.UrgentBusinessDays", "6", "Give urgent work from 0 to 5 business days.")]
    [InlineData("Input.UrgentBusinessDays", "", "Enter the business days allowed for urgent work.")]
    [InlineData("Input.HighBusinessDays", "11", "Give high-priority work from 0 to 10 business days.")]
    [InlineData("Input.RoutineBusinessDays", "0", "Give routine work from 1 to 20 business days.")]
    [InlineData("Input.RoutineBusinessDays", "21", "Give routine work from 1 to 20 business days.")]
    [InlineData("Input.RoutineBusinessDays", "1", "Routine work cannot be due sooner than high-priority work.")]
    [InlineData("Input.DailyDoseChangePercent", "9.99", "Enter a percentage from 10 to 100.")]
    [InlineData("Input.DailyDoseChangePercent", "101", "Enter a percentage from 10 to 100.")]
    [InlineData("Input.DailyDoseChangePercent", "25.125", "Use at most two decimal places.")]
    [InlineData("Input.DailyDoseChangePercent", "", "Enter the daily-dose change, in percent, that counts as significant.")]
    [InlineData("Input.AnyDoseChangeIngredients", "lithum, clozapine, aspirin", "Not in the psychotropic catalog: lithum, aspirin. Use generic ingredient names, like lithium or clozapine.")]
    [InlineData("Input.Holidays", "2026-12-25\n2026-13-01\nChristmas", "Write each holiday as a date like 2026-12-25, one a line. Not dates: 2026-13-01, Christmas.")]
    public async Task A_value_out_of_bounds_is_refused_next_to_its_field_and_kept(string field, string value, string message)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var fields = Settings();
        fields[field] = value;
        var before = await Saved();

        var response = await client.SubmitFormAsync("/Admin/Settings", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, AdminForms.MessageFor(html, field));
        Assert.Contains(value, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before?.UpdatedAt, (await Saved())?.UpdatedAt);
    }

    [Fact]
    public async Task High_priority_work_cannot_be_due_sooner_than_urgent_work()
    {
        var client = await app.SignedInAs(Browsing.Admin);

        var response = await client.SubmitFormAsync("/Admin/Settings", Settings(urgent: "3", high: "1", routine: "5"));

        Assert.Equal("High-priority work cannot be due sooner than urgent work.", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.HighBusinessDays"));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_saves_once()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var page = await client.GetStringAsync("/Admin/Settings");
        var fields = Settings(high: "4");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;
        var before = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SettingsChanged));

        var first = await client.PostFormAsync("/Admin/Settings", page, new(fields));
        var second = await client.PostFormAsync("/Admin/Settings", page, new(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SettingsChanged)));
    }
}
