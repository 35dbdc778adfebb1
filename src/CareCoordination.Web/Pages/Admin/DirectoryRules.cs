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

    public static string? NormalizedPhone(string? text) => NorthAmericanPhone.TryNormalize(text, out var normalized) ? normalized : null;

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
