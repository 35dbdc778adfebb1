using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>
/// Administrators create accounts with one role and, for clinicians, the provider they sign in as; change, lock and unlock
/// them. A change of access or a lock ends the sessions already open.
/// </summary>
public class ManagingAccounts(AdminsNeedTwoFactorAppFactory app) : IClassFixture<AdminsNeedTwoFactorAppFactory>
{
    private const string InitialPassword = "Welcome!Passw0rd1";

    private static Dictionary<string, string> Account(string email, string role, int? providerId = null, string displayName = "Test Person", string password = InitialPassword) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = displayName,
        ["Input.Role"] = role,
        ["Input.ProviderId"] = providerId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.Password"] = password,
    };

    private static Dictionary<string, string> Changes(string role, int? providerId = null, string displayName = "Test Person") => new()
    {
        ["Input.DisplayName"] = displayName,
        ["Input.Role"] = role,
        ["Input.ProviderId"] = providerId?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    private Task<int> ProviderNamed(string familyName) => app.WithDatabase(db => db.Providers.Where(p => p.FamilyName == familyName).Select(p => p.Id).SingleAsync());

    private Task<string> UserIdOf(string email) => app.WithDatabase(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<string> CreateAsync(HttpClient admin, string email, string role = CareRoles.CareManager, int? providerId = null, string displayName = "Test Person")
    {
        var response = await admin.SubmitFormAsync("/Admin/Users/New", Account(email, role, providerId, displayName));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await UserIdOf(email);
    }

    private async Task<HttpClient> SignedInWithInitialPassword(string email)
    {
        var client = app.NewClient();
        var response = await client.SignInAsync(email, InitialPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        return client;
    }

    private static async Task AssertSentToSignIn(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_care_manager_signs_in_with_the_initial_password_and_lands_on_the_queue()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var audited = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));

        var response = await admin.SubmitFormAsync("/Admin/Users/New", Account(" casey.nguyen@demo.test ", CareRoles.CareManager, displayName: "Casey Nguyen"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.ToString());
        var saved = await app.WithDatabase(db => db.Users.SingleAsync(u => u.Email == "casey.nguyen@demo.test"));
        Assert.True(saved.EmailConfirmed);
        Assert.Null(saved.ProviderId);
        var list = Browsing.Text(await admin.GetStringAsync("/Admin/Users"));
        Assert.Contains("Added Casey Nguyen (Care manager).", list, StringComparison.Ordinal);
        Assert.Contains("casey.nguyen@demo.test", list, StringComparison.Ordinal);
        Assert.Equal(audited + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));

        var casey = await SignedInWithInitialPassword("casey.nguyen@demo.test");
        Assert.Contains("Coordination queue", Browsing.Text(await casey.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_pcp_account_signs_in_as_its_physician_and_sees_that_panel()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var reyes = await ProviderNamed("Reyes");
        var panel = await app.WithDatabase(db => db.Members.CountAsync(m => m.PcpId == reyes));

        await CreateAsync(admin, "daniel.reyes@demo.test", CareRoles.Pcp, reyes, "Dr. Daniel Reyes");

        Assert.Contains("Reyes, Daniel, DO (signs in as daniel.reyes@demo.test)", Browsing.Text(await admin.GetStringAsync("/Admin/Users/New")), StringComparison.Ordinal);
        var home = Browsing.Text(await (await SignedInWithInitialPassword("daniel.reyes@demo.test")).GetStringAsync("/"));
        Assert.Contains("Coordination for your patients", home, StringComparison.Ordinal);
        Assert.Contains($"{panel} members on your panel", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identitys_password_rules_are_shown_next_to_the_password()
    {
        var admin = await app.SignedInAs(Browsing.Admin);

        var tooShort = await admin.SubmitFormAsync("/Admin/Users/New", Account("short.password@demo.test", CareRoles.CareManager, password: "Sh0rt!pass"));
        var weak = await admin.SubmitFormAsync("/Admin/Users/New", Account("weak.password@demo.test", CareRoles.CareManager, password: "all lower case words"));

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var shortHtml = await tooShort.Content.ReadAsStringAsync();
        Assert.Contains("Passwords must be at least 12 characters.", AdminForms.MessageFor(shortHtml, "Input.Password"), StringComparison.Ordinal);
        Assert.Contains("value=\"short.password@demo.test\"", shortHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Sh0rt!pass", shortHtml, StringComparison.Ordinal);
        var weakMessage = AdminForms.MessageFor(await weak.Content.ReadAsStringAsync(), "Input.Password");
        Assert.Contains("at least one uppercase", weakMessage, StringComparison.Ordinal);
        Assert.Contains("at least one digit", weakMessage, StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email!.EndsWith(".password@demo.test"))));
    }

    [Fact]
    public async Task Missing_and_malformed_fields_get_messages_next_to_them()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var before = await app.WithDatabase(db => db.Users.CountAsync());

        var empty = await admin.SubmitFormAsync("/Admin/Users/New", Account("", "", displayName: "", password: ""));
        var malformed = await admin.SubmitFormAsync("/Admin/Users/New", Account("not-an-email", "Superuser", displayName: new string('N', 101)));

        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal("Enter the person's work email; it is how they sign in.", AdminForms.MessageFor(html, "Input.Email"));
        Assert.Equal("Enter the name to show for this person, like Dr. Maya Okafor.", AdminForms.MessageFor(html, "Input.DisplayName"));
        Assert.Equal("Choose a role.", AdminForms.MessageFor(html, "Input.Role"));
        Assert.Equal("Enter an initial password.", AdminForms.MessageFor(html, "Input.Password"));
        var malformedHtml = await malformed.Content.ReadAsStringAsync();
        Assert.Equal("Enter an email address like name@clinic.org.", AdminForms.MessageFor(malformedHtml, "Input.Email"));
        Assert.Equal("Choose a role from the list.", AdminForms.MessageFor(malformedHtml, "Input.Role"));
        Assert.Equal("A display name is at most 100 characters.", AdminForms.MessageFor(malformedHtml, "Input.DisplayName"));
        Assert.Contains("value=\"not-an-email\"", malformedHtml, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_whatever_its_case()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/Users/New");
        var fields = Account("CM@demo.test", CareRoles.CareManager);
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var response = await admin.PostFormAsync("/Admin/Users/New", page, new(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("An account with this email already exists. Edit that account instead.", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Email"));
        Assert.Equal(1, await app.WithDatabase(db => db.Users.CountAsync(u => u.NormalizedEmail == "CM@DEMO.TEST")));

        // The refused post did not use up the form: corrected, the same submission goes through.
        fields["Input.Email"] = "cm.second@demo.test";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Users/New", page, new(fields))).StatusCode);
        Assert.Equal(1, await app.WithDatabase(db => db.Users.CountAsync(u => u.Email == "cm.second@demo.test")));
    }

    public static TheoryData<string, string?, string> Mismatches => new()
    {
        { CareRoles.Pcp, null, "A PCP signs in as a primary care physician: choose which." },
        { CareRoles.BhClinician, null, "A BH clinician signs in as a behavioral health practitioner: choose which." },
        { CareRoles.Pcp, "Park", "Elena Park is a behavioral health practitioner; a PCP account needs a primary care physician." },
        { CareRoles.BhClinician, "Raman", "Priya Raman is a primary care physician; a BH clinician account needs a behavioral health practitioner." },
        { CareRoles.CareManager, "Raman", "Care manager accounts are not linked to a provider: choose “No provider”." },
        { CareRoles.Admin, "Park", "Administrator accounts are not linked to a provider: choose “No provider”." },
        { CareRoles.Pcp, "Okafor", "Maya Okafor already signs in as pcp@demo.test. A provider has one account." },
        { CareRoles.BhClinician, "Whitfield", "Samuel Whitfield already signs in as bh@demo.test. A provider has one account." },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task The_role_and_the_provider_must_fit_each_other(string role, string? providerFamilyName, string message)
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        int? providerId = providerFamilyName is null ? null : await ProviderNamed(providerFamilyName);

        var response = await admin.SubmitFormAsync("/Admin/Users/New", Account("mismatch@demo.test", role, providerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.ProviderId"));
        Assert.False(await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email == "mismatch@demo.test")));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_creates_one_account()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var page = await admin.GetStringAsync("/Admin/Users/New");
        var fields = Account("twice@demo.test", CareRoles.CareManager);
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await admin.PostFormAsync("/Admin/Users/New", page, new(fields));
        var second = await admin.PostFormAsync("/Admin/Users/New", page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.Users.CountAsync(u => u.Email == "twice@demo.test")));
    }

    [Fact]
    public async Task Renaming_an_account_keeps_its_sessions()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var id = await CreateAsync(admin, "rename.me@demo.test", displayName: "Rene Me");
        var session = await SignedInWithInitialPassword("rename.me@demo.test");
        Assert.Contains("value=\"Rene Me\"", await admin.GetStringAsync($"/Admin/Users/{id}/Edit"), StringComparison.Ordinal);

        var response = await admin.SubmitFormAsync($"/Admin/Users/{id}/Edit", Changes(CareRoles.CareManager, displayName: "Renée Martin"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renée Martin", await app.WithDatabase(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
        Assert.Contains("Saved Renée Martin.", Browsing.Text(await admin.GetStringAsync("/Admin/Users")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_role_ends_the_sessions_already_open()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var id = await CreateAsync(admin, "role.change@demo.test");
        var session = await SignedInWithInitialPassword("role.change@demo.test");
        var stamp = await app.WithDatabase(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var response = await admin.SubmitFormAsync($"/Admin/Users/{id}/Edit", Changes(CareRoles.BhClinician, await ProviderNamed("Bell")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Their access changed, so they must sign in again.", Browsing.Text(await admin.GetStringAsync("/Admin/Users")), StringComparison.Ordinal);
        Assert.NotEqual(stamp, await app.WithDatabase(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        await AssertSentToSignIn(session);

        var again = await SignedInWithInitialPassword("role.change@demo.test");
        Assert.Contains("Your caseload", Browsing.Text(await again.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_checks_the_fields_and_the_provider_link()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var id = await CreateAsync(admin, "edit.checks@demo.test");

        var empty = await admin.SubmitFormAsync($"/Admin/Users/{id}/Edit", Changes("", displayName: ""));
        var linked = await admin.SubmitFormAsync($"/Admin/Users/{id}/Edit", Changes(CareRoles.Pcp, await ProviderNamed("Okafor")));

        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal("Enter the name to show for this person, like Dr. Maya Okafor.", AdminForms.MessageFor(html, "Input.DisplayName"));
        Assert.Equal("Choose a role.", AdminForms.MessageFor(html, "Input.Role"));
        Assert.Equal("Maya Okafor already signs in as pcp@demo.test. A provider has one account.", AdminForms.MessageFor(await linked.Content.ReadAsStringAsync(), "Input.ProviderId"));
        var saved = await app.WithDatabase(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal(("Test Person", (int?)null), (saved.DisplayName, saved.ProviderId));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var me = await UserIdOf(Browsing.Admin);

        var response = await admin.SubmitFormAsync($"/Admin/Users/{me}/Edit", Changes(CareRoles.CareManager, displayName: "Alex Morgan"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("You cannot remove your own administrator role.", AdminForms.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Role"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_out()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var me = await UserIdOf(Browsing.Admin);
        var page = await admin.GetStringAsync($"/Admin/Users/{me}/Edit");
        Assert.DoesNotContain("handler=Lock", page, StringComparison.Ordinal);

        var response = await admin.PostFormAsync($"/Admin/Users/{me}/Edit?handler=Lock", page, new() { ["SubmissionId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot lock your own account. Ask another administrator.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await app.WithDatabase(db => db.Users.Where(u => u.Id == me).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions_and_refuses_sign_in_until_unlocked()
    {
        var admin = await app.SignedInAs(Browsing.Admin);
        var id = await CreateAsync(admin, "to.lock@demo.test", displayName: "Lee Locke");
        var session = await SignedInWithInitialPassword("to.lock@demo.test");

        var locked = await admin.SubmitHandlerFormAsync($"/Admin/Users/{id}/Edit", "Lock");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal($"/Admin/Users/{id}/Edit", locked.Headers.Location!.ToString());
        var page = Browsing.Text(await admin.GetStringAsync($"/Admin/Users/{id}/Edit"));
        Assert.Contains("Locked Lee Locke's account and signed them out everywhere.", page, StringComparison.Ordinal);
        Assert.Contains("This account cannot sign in until an administrator unlocks it.", page, StringComparison.Ordinal);
        Assert.Contains("Locked", Browsing.Text(await admin.GetStringAsync("/Admin/Users")), StringComparison.Ordinal);
        await AssertSentToSignIn(session);
        var refused = await app.NewClient().SignInAsync("to.lock@demo.test", InitialPassword);
        // The sign-in page answers a locked account exactly as a wrong password, so it reveals no account.
        var refusedText = Browsing.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains(Guessing.RefusedStart, refusedText, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", refusedText, StringComparison.OrdinalIgnoreCase);

        var unlocked = await admin.SubmitHandlerFormAsync($"/Admin/Users/{id}/Edit", "Unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("Unlocked Lee Locke's account.", Browsing.Text(await admin.GetStringAsync($"/Admin/Users/{id}/Edit")), StringComparison.Ordinal);
        await SignedInWithInitialPassword("to.lock@demo.test");
    }

    [Fact]
    public async Task Unlocking_lets_an_account_locked_by_failed_attempts_sign_in_again()
    {
        var id = await CreateAsync(await app.SignedInAs(Browsing.Admin), "forgetful@demo.test");
        var client = app.NewClient();
        await app.WrongPasswordsAsync(client, "forgetful@demo.test", app.LockoutThreshold());

        var lockedOut = await app.PatientAttemptAsync(client, "forgetful@demo.test", InitialPassword);
        Assert.Contains(Guessing.RefusedStart, lockedOut, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDatabase(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        // The throttle's guessing took over an hour on the app's clock: the administrator signs in afresh.
        var admin = await app.SignedInAs(Browsing.Admin);
        Assert.Contains("Locked", Browsing.Text(await admin.GetStringAsync($"/Admin/Users/{id}/Edit")), StringComparison.Ordinal);
        Assert.Contains("Failed attempts: ", Browsing.Text(await admin.GetStringAsync($"/Admin/Users/{id}/Edit")), StringComparison.Ordinal);
        var audited = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));

        var unlocked = await admin.SubmitHandlerFormAsync($"/Admin/Users/{id}/Edit", "Unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var account = await app.WithDatabase(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal((null, 0), (account.LockoutEnd, account.AccessFailedCount));
        Assert.Equal(audited + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
        await SignedInWithInitialPassword("forgetful@demo.test");
    }

    [Fact]
    public async Task The_list_shows_each_accounts_role_and_provider_by_name()
    {
        var admin = await app.SignedInAs(Browsing.Admin);

        var text = Browsing.Text(await admin.GetStringAsync("/Admin/Users"));

        Assert.Contains("Dr. Maya Okafor pcp@demo.test PCP Maya Okafor", System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " "), StringComparison.Ordinal);
        Assert.Contains("Alex Morgan admin@demo.test Administrator", System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " "), StringComparison.Ordinal);
        Assert.True(text.IndexOf("Alex Morgan", StringComparison.Ordinal) < text.IndexOf("Jordan Ellis", StringComparison.Ordinal));
    }
}
