using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>
/// Administrators keep the provider directory: a valid, unique NPI (Luhn check digit over 80840), a consistent kind,
/// discipline and prescribing authority, and numbers written the directory way.
/// </summary>
public class ManagingProviders(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static Dictionary<string, string> Provider(string npi, string given = "Ruth", string family = "Calder", string kind = "BehavioralHealthPractitioner",
        string discipline = "Psychologist", bool prescribes = false, string credentials = "PhD") => new()
    {
        ["Input.Npi"] = npi,
        ["Input.GivenName"] = given,
        ["Input.FamilyName"] = family,
        ["Input.Credentials"] = credentials,
        ["Input.Kind"] = kind,
        ["Input.Discipline"] = discipline,
        ["Input.CanPrescribe"] = prescribes ? "true" : "false",
        ["Input.PpgId"] = "",
        ["Input.Phone"] = "",
        ["Input.Fax"] = "",
        ["Input.SecureEmail"] = "",
    };

    [Fact]
    public async Task A_new_provider_with_a_valid_npi_is_listed_with_their_kind_and_discipline()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var npi = AdminForms.ValidNpi(190000001);
        var group = await app.WithDatabase(db => db.Ppgs.Where(g => g.Name == "Mission Ridge Physicians").Select(g => g.Id).SingleAsync());
        var fields = Provider(npi, "Ada", "Abernathy", "PrimaryCarePhysician", "", prescribes: true, credentials: "MD");
        fields["Input.PpgId"] = group.ToString(CultureInfo.InvariantCulture);
        fields["Input.Phone"] = "555 010 6100";
        fields["Input.Fax"] = "1-555-010-6101";
        fields["Input.SecureEmail"] = "ada.abernathy@direct.demo.test";
        var audited = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));

        var response = await client.SubmitFormAsync("/Admin/Providers/New", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Providers", response.Headers.Location!.ToString());
        var saved = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Abernathy"));
        Assert.Equal((npi, ProviderKind.PrimaryCarePhysician, (BhDiscipline?)null, true, (int?)group), (saved.Npi.Value, saved.Kind, saved.Discipline, saved.CanPrescribe, saved.PpgId));
        Assert.Equal(("(555) 010-6100", "(555) 010-6101", "ada.abernathy@direct.demo.test"), (saved.Phone, saved.Fax, saved.SecureEmail));
        var list = Browsing.Text(await client.GetStringAsync("/Admin/Providers"));
        Assert.Contains("Added Ada Abernathy, MD.", list, StringComparison.Ordinal);
        Assert.Contains(npi, list, StringComparison.Ordinal);
        // By family name: Abernathy comes before the demo's Bell.
        Assert.True(list.IndexOf("Abernathy, Ada", StringComparison.Ordinal) < list.IndexOf("Bell, Marcus", StringComparison.Ordinal));
        Assert.Equal(audited + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task A_bh_practitioner_is_saved_with_their_discipline()
    {
        var client = await app.SignedInAs(Browsing.Admin);

        var response = await client.SubmitFormAsync("/Admin/Providers/New", Provider(AdminForms.ValidNpi(190000002), "Ruth", "Calder"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Calder"));
        Assert.Equal((ProviderKind.BehavioralHealthPractitioner, (BhDiscipline?)BhDiscipline.Psychologist), (saved.Kind, saved.Discipline));
        Assert.Matches("Calder, Ruth , PhD\\s+\\d{10}\\s+Behavioral health practitioner\\s+Psychologist", Browsing.Text(await client.GetStringAsync("/Admin/Providers")));
    }

    [Theory]
    [InlineData("", "Enter the provider's 10-digit NPI.")]
    [InlineData("123456789", "An NPI is exactly 10 digits.")]
    [InlineData("12345678901", "An NPI is exactly 10 digits.")]
    [InlineData("12345A7893", "An NPI is exactly 10 digits.")]
    [InlineData("1234567890", "This NPI's check digit does not match: look for a mistyped digit.")]
    public async Task An_npi_must_be_ten_digits_ending_in_its_check_digit(string npi, string message)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Providers.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Providers/New", Provider(npi, family: "Badnpi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, AdminForms.MessageFor(html, "Input.Npi"));
        Assert.Contains($"value=\"{npi}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.Providers.CountAsync()));
    }

    [Fact]
    public async Task A_check_digit_off_by_one_is_caught()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Providers.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Providers/New", Provider(AdminForms.NpiWithWrongCheckDigit(190000003), family: "Offbyone"));

        Assert.Contains("check digit does not match", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Npi"), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.Providers.CountAsync()));
    }

    [Fact]
    public async Task An_npi_already_in_the_directory_is_refused_with_whose_it_is()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var okafor = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Okafor"));
        var before = await app.WithDatabase(db => db.Providers.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Providers/New", Provider(okafor.Npi.Value, family: "Duplicate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"NPI {okafor.Npi.Value} already belongs to Maya Okafor. Each provider has one NPI: edit that provider instead.",
            AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Npi"));
        Assert.Equal(before, await app.WithDatabase(db => db.Providers.CountAsync()));
    }

    [Theory]
    [InlineData("BehavioralHealthPractitioner", "", false, "A behavioral health practitioner needs a discipline.")]
    [InlineData("PrimaryCarePhysician", "Psychiatrist", true, "Only behavioral health practitioners have a BH discipline.")]
    [InlineData("BehavioralHealthPractitioner", "ProfessionalCounselor", true, "A licensed professional counselor cannot hold prescriptive authority.")]
    public async Task Kind_discipline_and_prescribing_must_agree(string kind, string discipline, bool prescribes, string message)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Providers.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Providers/New", Provider(AdminForms.ValidNpi(190000004), kind: kind, discipline: discipline, prescribes: prescribes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Profile"));
        Assert.Equal(before, await app.WithDatabase(db => db.Providers.CountAsync()));
    }

    [Fact]
    public async Task Every_other_field_is_checked_and_kept_as_typed()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var fields = Provider(AdminForms.ValidNpi(190000005), given: "", family: "", kind: "", discipline: "", credentials: new string('C', 41));
        fields["Input.Phone"] = "010-2000";
        fields["Input.Fax"] = "(155) 010-2000";
        fields["Input.SecureEmail"] = "not-an-address";
        fields["Input.PpgId"] = "98765";

        var response = await client.SubmitFormAsync("/Admin/Providers/New", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Enter the given name.", AdminForms.MessageFor(html, "Input.GivenName"));
        Assert.Equal("Enter the family name.", AdminForms.MessageFor(html, "Input.FamilyName"));
        Assert.Equal("Credentials are at most 40 characters, like MD or LCSW.", AdminForms.MessageFor(html, "Input.Credentials"));
        Assert.Equal("Choose the kind of provider.", AdminForms.MessageFor(html, "Input.Kind"));
        Assert.Equal("Enter the phone number as a 10-digit North American number, like (555) 010-2000.", AdminForms.MessageFor(html, "Input.Phone"));
        Assert.Equal("Enter the fax number as a 10-digit North American number, like (555) 010-2000.", AdminForms.MessageFor(html, "Input.Fax"));
        Assert.Equal("Enter a secure email address like name@direct.clinic.org.", AdminForms.MessageFor(html, "Input.SecureEmail"));
        Assert.Contains("value=\"not-an-address\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"010-2000\"", html, StringComparison.Ordinal);

        // Once the form itself is right, a group that is not in the directory is refused too.
        var unknownGroup = Provider(AdminForms.ValidNpi(190000005), family: "Nogroup");
        unknownGroup["Input.PpgId"] = "98765";
        var refused = await client.SubmitFormAsync("/Admin/Providers/New", unknownGroup);
        Assert.Equal("Choose a group from the list.", AdminForms.MessageFor(await refused.Content.ReadAsStringAsync(), "Input.PpgId"));
        Assert.False(await app.WithDatabase(db => db.Providers.AnyAsync(p => p.FamilyName == "Nogroup")));
    }

    [Fact]
    public async Task Editing_a_provider_saves_the_changes_and_keeps_their_own_npi()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var lowe = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Lowe"));
        var form = await client.GetStringAsync($"/Admin/Providers/{lowe.Id}/Edit");
        Assert.Contains($"value=\"{lowe.Npi.Value}\"", form, StringComparison.Ordinal);

        var fields = Provider(lowe.Npi.Value, "Hannah", "Lowe-Marsh", discipline: "Psychologist", prescribes: true, credentials: "PsyD");
        fields["Input.Phone"] = "(555) 010-4106";
        var response = await client.SubmitFormAsync($"/Admin/Providers/{lowe.Id}/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.Id == lowe.Id));
        Assert.Equal(("Lowe-Marsh", true, "(555) 010-4106", (string?)null), (saved.FamilyName, saved.CanPrescribe, saved.Phone, saved.Fax));
        Assert.Contains("Saved Hannah Lowe-Marsh, PsyD.", Browsing.Text(await client.GetStringAsync("/Admin/Providers")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_refuses_bad_input_and_another_providers_npi()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var (park, okafor) = await app.WithDatabase(async db => (
            await db.Providers.SingleAsync(p => p.FamilyName == "Park"), await db.Providers.SingleAsync(p => p.FamilyName == "Okafor")));

        var taken = await client.SubmitFormAsync($"/Admin/Providers/{park.Id}/Edit", Provider(okafor.Npi.Value, "Elena", "Park", discipline: "PsychiatricNursePractitioner", prescribes: true));
        Assert.Contains("already belongs to Maya Okafor", AdminForms.MessageFor(await taken.Content.ReadAsStringAsync(), "Input.Npi"), StringComparison.Ordinal);

        var invalid = await client.SubmitFormAsync($"/Admin/Providers/{park.Id}/Edit", Provider("1234567890", "", "Park"));
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.NotNull(AdminForms.MessageFor(html, "Input.Npi"));
        Assert.Equal("Enter the given name.", AdminForms.MessageFor(html, "Input.GivenName"));
        Assert.Equal(park.Npi, await app.WithDatabase(db => db.Providers.Where(p => p.Id == park.Id).Select(p => p.Npi).SingleAsync()));
    }

    [Fact]
    public async Task A_provider_who_signs_in_cannot_become_a_kind_their_role_does_not_allow()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var whitfield = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Whitfield"));

        var response = await client.SubmitFormAsync($"/Admin/Providers/{whitfield.Id}/Edit",
            Provider(whitfield.Npi.Value, "Samuel", "Whitfield", kind: "PrimaryCarePhysician", discipline: "", prescribes: true, credentials: "MD"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bh@demo.test signs in as this provider with the BH clinician role, which needs a behavioral health practitioner. Change that account first.",
            AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Kind"));
        Assert.Equal(ProviderKind.BehavioralHealthPractitioner, await app.WithDatabase(db => db.Providers.Where(p => p.Id == whitfield.Id).Select(p => p.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_adds_one_provider()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var page = await client.GetStringAsync("/Admin/Providers/New");
        var fields = Provider(AdminForms.ValidNpi(190000006), family: "Twice");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync("/Admin/Providers/New", page, new(fields));
        var second = await client.PostFormAsync("/Admin/Providers/New", page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.Providers.CountAsync(p => p.FamilyName == "Twice")));
    }
}
