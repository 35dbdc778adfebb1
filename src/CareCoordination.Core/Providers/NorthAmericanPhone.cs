namespace CareCoordination.Core.Providers;

/// <summary>A North American (NANP) phone or fax number, written the one way the directory shows it: (555) 010-2000.</summary>
public static class NorthAmericanPhone
{
    /// <summary>
    /// Accepts ten digits, optionally after a country code 1, separated by spaces, dots, dashes or parentheses; the area
    /// code cannot start with 0 or 1. The exchange is not checked, so fictional numbers such as (555) 010-2000 stay valid.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var body = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (!body.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')'))
        {
            return false;
        }

        var digits = new string([.. body.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        else if (trimmed.StartsWith('+'))
        {
            return false;
        }

        if (digits.Length != 10 || digits[0] is '0' or '1')
        {
            return false;
        }

        normalized = $"({digits[..3]}) {digits[3..6]}-{digits[6..]}";
        return true;
    }
}
