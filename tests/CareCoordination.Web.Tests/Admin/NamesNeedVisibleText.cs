using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>
/// Every person and organisation name in the administration forms needs a letter or digit that shows: a name of
/// zero-width, format or space characters would list, print and audit as a blank.
/// </summary>
public class NamesNeedVisibleText(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    /// <summary>Zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen and spaces together.</summary>
    private const string Invisible = " \u200B\u200C\u200D\u2060\uFEFF\u00AD\u3000 ";

    public static TheoryData<string, string, string> NameFields => new()
    {
        { "/Admin/Groups/New", "Name", "Enter the group's name with at least one visible letter or digit." },
        { "Edit group", "Name", "Enter the group's name with at least one visible letter or digit." },
        { "/Admin/Providers/New", "GivenName", "Enter the given name with at least one visible letter or digit." },
        { "/Admin/Providers/New", "FamilyName", "Enter the family name with at least one visible letter or digit." },
        { "/Admin/Providers/New", "Credentials", "Enter the credentials with at least one visible letter or digit." },
        { "Edit provider", "GivenName", "Enter the given name with at least one visible letter or digit." },
        { "Edit provider", "FamilyName", "Enter the family name with at least one visible letter or digit." },
        { "Edit provider", "Credentials", "Enter the credentials with at least one visible letter or digit." },
        { "/Admin/Users/New", "DisplayName", "Enter the display name with at least one visible letter or digit." },
        { "Edit account", "DisplayName", "Enter the display name with at least one visible letter or digit." },
    };

    [Theory]
    [MemberData(nameof(NameFields))]
    public async Task A_name_field_of_only_invisible_characters_is_refused_beside_the_field_and_saves_nothing(string form, string field, string message)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var (url, fields) = await ValidFormAsync(form);
        fields[$"Input.{field}"] = Invisible;
        var audited = await DirectoryChangesAsync();

        var response = await client.SubmitFormAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, AdminForms.MessageFor(html, $"Input.{field}"));
        // The rest of the form was valid: this field is the one reason it was refused.
        Assert.Single(Regex.Matches(html, "field-validation-error"));
        Assert.Equal(audited, await DirectoryChangesAsync());
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u180E")]
    [InlineData("\u200E\u200F\u202A\u202C")]
    [InlineData("\u2062\u2063\u2064")]
    [InlineData("\U000E0041\U000E007F")]
    [InlineData("\u034F\u0301")]
    [InlineData("\u2800")]
    [InlineData("\u3164")]
    [InlineData("\uFFA0")]
    [InlineData("\u115F\u1160")]
    [InlineData("\u00A0\u200B\u2007")]
    [InlineData("- . '")]
    public async Task Text_with_no_letter_or_digit_that_shows_is_not_a_name(string name)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Ppgs.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Groups/New", Group(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the group's name with at least one visible letter or digit.", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Name"));
        Assert.Equal(before, await app.WithDatabase(db => db.Ppgs.CountAsync()));
    }

    [Theory]
    [InlineData("Nguyễn Family Practice")]
    [InlineData("Nguye\u0302\u0303n Pediatrics")]
    [InlineData("نیک\u200Cنام Medical Group")]
    [InlineData("Ana\u00ADMaría Clinic")]
    [InlineData("ʻIolani Physicians")]
    [InlineData("李氏诊所")]
    [InlineData("3 Rivers")]
    public async Task A_name_with_visible_letters_may_carry_joiners_marks_and_hyphenation_points(string name)
    {
        var client = await app.SignedInAs(Browsing.Admin);

        var response = await client.SubmitFormAsync("/Admin/Groups/New", Group(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDatabase(db => db.Ppgs.AnyAsync(g => g.Name == name)));
    }

    private static Dictionary<string, string> Group(string name) => new() { ["Input.Name"] = name, ["Input.Phone"] = "", ["Input.Fax"] = "" };

    /// <summary>A form that saves as it stands, so that the one field the test changes is the only thing wrong with it.</summary>
    private async Task<(string Url, Dictionary<string, string> Fields)> ValidFormAsync(string form)
    {
        switch (form)
        {
            case "/Admin/Groups/New":
                return (form, Group("Bayside Family Physicians"));
            case "Edit group":
                var group = await app.WithDatabase(db => db.Ppgs.SingleAsync(g => g.Name == "Mission Ridge Physicians"));
                return ($"/Admin/Groups/{group.Id}/Edit", new() { ["Input.Name"] = group.Name, ["Input.Phone"] = group.Phone!, ["Input.Fax"] = group.Fax! });
            case "/Admin/Providers/New":
                return (form, Provider(AdminForms.ValidNpi(190000901), "Ruth", "Calder", "PhD"));
            case "Edit provider":
                var lowe = await app.WithDatabase(db => db.Providers.SingleAsync(p => p.FamilyName == "Lowe"));
                return ($"/Admin/Providers/{lowe.Id}/Edit", Provider(lowe.Npi.Value, lowe.GivenName, lowe.FamilyName, lowe.Credentials!));
            case "/Admin/Users/New":
                return (form, new()
                {
                    ["Input.Email"] = "visible.text@demo.test",
                    ["Input.DisplayName"] = "Casey Nguyen",
                    ["Input.Role"] = CareRoles.CareManager,
                    ["Input.ProviderId"] = "",
                    ["Input.Password"] = "Welcome!Passw0rd1",
                });
            case "Edit account":
                var id = await app.WithDatabase(db => db.Users.Where(u => u.Email == "cm@demo.test").Select(u => u.Id).SingleAsync());
                return ($"/Admin/Users/{id}/Edit", new() { ["Input.DisplayName"] = "Jordan Ellis", ["Input.Role"] = CareRoles.CareManager, ["Input.ProviderId"] = "" });
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, "No such form in the table.");
        }
    }

    /// <summary>A psychologist who does not prescribe, in no group.</summary>
    private static Dictionary<string, string> Provider(string npi, string given, string family, string credentials) => new()
    {
        ["Input.Npi"] = npi,
        ["Input.GivenName"] = given,
        ["Input.FamilyName"] = family,
        ["Input.Credentials"] = credentials,
        ["Input.Kind"] = "BehavioralHealthPractitioner",
        ["Input.Discipline"] = "Psychologist",
        ["Input.CanPrescribe"] = "false",
        ["Input.PpgId"] = "",
        ["Input.Phone"] = "",
        ["Input.Fax"] = "",
        ["Input.SecureEmail"] = "",
    };

    private Task<int> DirectoryChangesAsync() => app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));
}
