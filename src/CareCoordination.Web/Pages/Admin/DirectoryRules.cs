using System.Text;
using CareCoordination.Core.Providers;
using FluentValidation;

namespace CareCoordination.Web.Pages.Admin;

/// <summary>Validation and clean-up shared by the directory's forms.</summary>
public static class DirectoryRules
{
    /// <summary>Empty, or a North American number (saved as "(555) 010-2000").</summary>
    public static IRuleBuilderOptions<T, string?> IsNorthAmericanPhone<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || NorthAmericanPhone.TryNormalize(text, out _))
            .WithMessage($"Enter the {what} as a 10-digit North American number, like (555) 010-2000.");

    /// <summary>
    /// Empty (NotEmpty speaks for that), or text with a letter or digit that draws something. A name of zero-width,
    /// format or space characters passes NotEmpty yet shows as a blank on every list, letter and audit screen.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustHaveVisibleText<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || text.EnumerateRunes().Any(IsVisibleLetterOrDigit))
            .WithMessage($"Enter the {what} with at least one visible letter or digit.");

    public static string? NormalizedPhone(string? text) => NorthAmericanPhone.TryNormalize(text, out var normalized) ? normalized : null;

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // The Hangul fillers are letters to Unicode but draw nothing, which makes them the usual way round a letter check.
    private static bool IsVisibleLetterOrDigit(Rune rune) =>
        Rune.IsLetterOrDigit(rune) && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0);
}
