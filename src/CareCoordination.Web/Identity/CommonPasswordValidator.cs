using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Identity;

/// <summary>Refuses passwords an attacker tries first (see <see cref="GuessablePasswords"/>), wherever a password is set.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CareUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<CareUser> manager, CareUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problem = GuessablePasswords.Find(password ?? "", user.Email, user.DisplayName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = problem.Code, Description = problem.Message }));
    }
}
