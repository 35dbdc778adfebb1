using FluentValidation;

namespace CareCoordination.Web.Pages.Account;

/// <summary>The 6-digit code an authenticator app shows; people type it with spaces or a hyphen as the app groups it.</summary>
public sealed class AuthenticatorCode
{
    public const int Length = 6;

    public string? Code { get; set; }

    public string Digits => new([.. (Code ?? "").Where(char.IsAsciiDigit)]);
}

public sealed class AuthenticatorCodeValidator : AbstractValidator<AuthenticatorCode>
{
    public AuthenticatorCodeValidator() =>
        RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app.")
            .Must(code => code!.All(c => char.IsAsciiDigit(c) || c is ' ' or '-') && code!.Count(char.IsAsciiDigit) == AuthenticatorCode.Length)
            .WithMessage("The code is the 6 digits your authenticator app shows now, like 123 456.");
}
