namespace CareCoordination.Core.Providers;

/// <summary>
/// A National Provider Identifier: ten digits, the last a Luhn check digit computed over the card-issuer
/// prefix 80840 followed by the first nine digits (CMS, "NPI Check Digit").
/// </summary>
public sealed record Npi
{
    private const string CardIssuerPrefix = "80840";

    private Npi(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Npi? npi)
    {
        npi = null;
        var digits = text?.Trim();
        if (digits is null || digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (CheckDigitFor(digits[..9]) != digits[9])
        {
            return false;
        }

        npi = new Npi(digits);
        return true;
    }

    public static Npi Parse(string text) =>
        TryParse(text, out var npi) ? npi! : throw new FormatException("An NPI is 10 digits ending in a valid check digit.");

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>The check digit that completes a nine-digit NPI base.</summary>
    public static char CheckDigitFor(string firstNineDigits)
    {
        ArgumentNullException.ThrowIfNull(firstNineDigits);
        if (firstNineDigits.Length != 9 || !firstNineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An NPI base is nine digits.", nameof(firstNineDigits));
        }

        var payload = CardIssuerPrefix + firstNineDigits;
        var sum = 0;
        // Luhn: walking right to left, double every other digit starting with the rightmost payload digit,
        // because the check digit will sit to its right.
        for (var i = 0; i < payload.Length; i++)
        {
            var digit = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public override string ToString() => Value;
}
