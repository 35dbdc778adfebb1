using System.Text;

namespace CareCoordination.Web.Identity;

/// <summary>
/// What makes a long password easy to guess all the same: being on the shipped breached list as it is, or once its
/// leading and trailing digits and symbols are dropped and look-alike characters read back as letters ("P@ssw0rd2026!"
/// is "password"), which is how cracking rules extend that list; containing the account's email name or name, or this
/// application's name; repeating a few characters; or being mostly a keyboard walk or a sequence.
/// </summary>
public static class GuessablePasswords
{
    public static readonly Problem Common = new("PasswordCommon",
        "This is a common, breached password (or one with look-alike letters, digits or symbols added), which attackers try first. Choose something less predictable, such as three or four unrelated words.");

    public static readonly Problem Personal = new("PasswordContainsName",
        "A password must not contain the account's name or the name part of its email address.");

    public static readonly Problem ApplicationName = new("PasswordContainsApplicationName",
        "A password must not contain the name of this application.");

    public static readonly Problem Repetitive = new("PasswordRepetitive",
        $"This password repeats the same few characters. Use at least {MinimumDistinctCharacters} different characters.");

    public static readonly Problem KeyboardPattern = new("PasswordKeyboardPattern",
        "This password is mostly a keyboard pattern or a sequence, like qwerty or 12345. Choose something less predictable.");

    private const int MinimumDistinctCharacters = 5;
    private const int ShortestNamePart = 4;
    private const int ShortestWalk = 3;

    /// <summary>Keyboard rows, columns and their usual zigzags (US layout), the alphabet and the digits; each is also tried backwards.</summary>
    private static readonly string[] Sequences = [.. new[]
    {
        "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "qazwsxedcrfvtgbyhnujmik,ol.p;/", "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
        "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
        "abcdefghijklmnopqrstuvwxyz", "01234567890",
    }.SelectMany(line => new[] { line, new string([.. line.Reverse()]) })];

    /// <summary>Look-alikes read back as letters: the characters in <c>From</c> become those in <c>To</c>, once reading 1 ! | as i, once as l.</summary>
    private static readonly (string From, string To)[] LookAlikes =
    [
        ("01345789@$+!|", "oieastbgastii"),
        ("01345789@$+!|", "oleastbgastll"),
    ];

    public static Problem? Find(string password, string? email, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(password);
        var normalised = password.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (normalised.Length == 0)
        {
            return null;
        }

        if (IsCommon(normalised))
        {
            return Common;
        }

        if (NameParts(email, displayName).Any(part => normalised.Contains(part, StringComparison.Ordinal)))
        {
            return Personal;
        }

        if (new string([.. normalised.Where(char.IsLetter)]).Contains("carecoordination", StringComparison.Ordinal))
        {
            return ApplicationName;
        }

        if (normalised.Distinct().Count() < MinimumDistinctCharacters || IsRepetition(normalised))
        {
            return Repetitive;
        }

        return KeyboardWalkLength(normalised) * 2 > normalised.Length ? KeyboardPattern : null;
    }

    /// <summary>On the list as it is, or once some of its leading and trailing digits and symbols are dropped, read as typed or with look-alikes read back.</summary>
    private static bool IsCommon(string normalised)
    {
        var leading = normalised.TakeWhile(c => !char.IsLetter(c)).Count();
        var trailing = leading == normalised.Length ? 0 : normalised.Reverse().TakeWhile(c => !char.IsLetter(c)).Count();
        for (var start = 0; start <= leading; start++)
        {
            for (var end = normalised.Length - trailing; end <= normalised.Length; end++)
            {
                var core = normalised[start..end];
                if (core.Length > 0 && (CommonPasswords.Contains(core) || LookAlikes.Any(map => CommonPasswords.Contains(ReadBack(core, map)))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string ReadBack(string text, (string From, string To) map) =>
        new([.. text.Select(c => map.From.IndexOf(c, StringComparison.Ordinal) is var at and >= 0 ? map.To[at] : c)]);

    /// <summary>The email's local part (3 or more characters), and each word of it and of the display name of 4 or more letters.</summary>
    private static IEnumerable<string> NameParts(string? email, string? displayName)
    {
        var local = email?.Split('@')[0].Trim().ToLowerInvariant() ?? "";
        var words = Words(local).Concat(Words((displayName ?? "").ToLowerInvariant())).Where(word => word.Length >= ShortestNamePart);
        return local.Length >= 3 ? words.Append(local) : words;
    }

    private static string[] Words(string text) =>
        text.Split([.. text.Where(c => !char.IsLetter(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsRepetition(string text) =>
        Enumerable.Range(1, text.Length / 2).Any(unit => text.Length % unit == 0
            && Enumerable.Range(0, text.Length).All(i => text[i] == text[i % unit]));

    /// <summary>How many characters sit in runs of 3 or more that follow one of the <see cref="Sequences"/>.</summary>
    private static int KeyboardWalkLength(string text)
    {
        var inWalk = new bool[text.Length];
        for (var start = 0; start < text.Length; start++)
        {
            var longest = Sequences.Max(line => LongestRun(text, start, line));
            for (var i = start; longest >= ShortestWalk && i < start + longest; i++)
            {
                inWalk[i] = true;
            }
        }

        return inWalk.Count(covered => covered);
    }

    private static int LongestRun(string text, int start, string line)
    {
        var longest = 0;
        for (var at = line.IndexOf(text[start], StringComparison.Ordinal); at >= 0; at = line.IndexOf(text[start], at + 1))
        {
            var length = 1;
            while (start + length < text.Length && at + length < line.Length && text[start + length] == line[at + length])
            {
                length++;
            }

            longest = Math.Max(longest, length);
        }

        return longest;
    }

    public sealed record Problem(string Code, string Message);
}
