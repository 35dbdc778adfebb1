namespace CareCoordination.Web.Identity;

/// <summary>Who must use a second factor and how long a session may last; configuration section <c>SignIn</c>.</summary>
public sealed class CareSignInOptions
{
    public const string Section = "SignIn";

    /// <summary>
    /// Administrators change accounts and roles, so a stolen password alone must not make one. On everywhere except
    /// Development (where the demo admin signs in with the README's password alone) unless configured.
    /// </summary>
    public bool AdminsMustUseTwoFactor { get; set; } = true;

    /// <summary>A session ends this long after sign-in however active it stays (the 30-minute idle limit ends it sooner).</summary>
    public TimeSpan AbsoluteSessionLimit { get; set; } = TimeSpan.FromHours(12);
}
