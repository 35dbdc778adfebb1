using System.Net;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// Twelve characters are not enough when they are a breached password with digits added, a name, or a keyboard walk:
/// every password an account is given is checked against the shipped list and those patterns.
/// </summary>
public class RefusingGuessablePasswords(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    [Theory]
    [InlineData("Trustno1!!2026", "PasswordCommon")]
    [InlineData("Password2026!!", "PasswordCommon")]
    [InlineData("P@ssw0rd2026!", "PasswordCommon")]
    [InlineData("!!Sunsh1ne2026", "PasswordCommon")]
    [InlineData("1qaz2wsx3edc", "PasswordCommon")]
    [InlineData("qwertyuiop12", "PasswordCommon")]
    [InlineData("Okafor!River77", "PasswordContainsName")]
    [InlineData("xMaya.Okafor#31", "PasswordContainsName")]
    [InlineData("CareCoordination!1", "PasswordContainsApplicationName")]
    [InlineData("Care-Coordination-2026", "PasswordContainsApplicationName")]
    [InlineData("aaaaaaaaaaaa", "PasswordRepetitive")]
    [InlineData("ab!ab!ab!ab!", "PasswordRepetitive")]
    [InlineData("Xy7!Xy7!Xy7!Xy7!", "PasswordRepetitive")]
    [InlineData("mnbvcxz!poiuy", "PasswordKeyboardPattern")]
    [InlineData("1q2w3e4r5t6y7u", "PasswordKeyboardPattern")]
    [InlineData("abcdefgh1234!Q", "PasswordKeyboardPattern")]
    public void Guessable_passwords_are_refused_with_the_reason(string password, string code)
    {
        var problem = GuessablePasswords.Find(password, "maya.okafor@clinic.example", "Dr. Maya Okafor");
        Assert.Equal(code, problem?.Code);
    }

    [Theory]
    [InlineData(Infrastructure.Demo.DemoData.Password)]
    [InlineData("Long3nough!Pw")]
    [InlineData("Welcome!Passw0rd1")]
    [InlineData("correct horse battery staple")]
    [InlineData("Harbor-Lantern-Quiet-42")]
    [InlineData("vR8#kQ2!mZ5@pL")]
    public void Passwords_that_are_not_guessable_pass(string password)
    {
        Assert.Null(GuessablePasswords.Find(password, "maya.okafor@clinic.example", "Dr. Maya Okafor"));
        Assert.Null(GuessablePasswords.Find(password, Browsing.Admin, "Alex Morgan"));
    }

    [Fact]
    public void The_shipped_list_holds_ten_thousand_breached_passwords()
    {
        Assert.Equal(10_000, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains("password"));
        Assert.True(CommonPasswords.Contains("trustno1"));
        Assert.False(CommonPasswords.Contains("demo!passw0rd2026"));
    }

    [Fact]
    public async Task Identity_refuses_a_common_password_wherever_an_account_gets_one()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = new CareUser { UserName = "guessable@demo.test", Email = "guessable@demo.test", DisplayName = "Guess Able" };

        var result = await users.CreateAsync(user, "P@ssw0rd2026!");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordCommon", error.Code);
        Assert.Null(await users.FindByEmailAsync("guessable@demo.test"));
    }

    [Fact]
    public async Task An_administrator_sees_why_next_to_the_password_and_keeps_the_rest_of_the_form()
    {
        var admin = await app.SignedInAs(Browsing.Admin);

        var response = await admin.SubmitFormAsync("/Admin/Users/New", new()
        {
            ["Input.Email"] = "jordan.guess@demo.test",
            ["Input.DisplayName"] = "Jordan Guess",
            ["Input.Role"] = CareRoles.CareManager,
            ["Input.ProviderId"] = "",
            ["Input.Password"] = "Summer2026!!",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This is a common, breached password", AdminForms.MessageFor(html, "Input.Password"), StringComparison.Ordinal);
        Assert.Contains("value=\"jordan.guess@demo.test\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Summer2026!!", html, StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email == "jordan.guess@demo.test")));
    }
}
