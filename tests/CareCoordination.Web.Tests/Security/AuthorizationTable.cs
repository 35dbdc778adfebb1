using System.Globalization;

namespace CareCoordination.Web.Tests.Security;

/// <summary>One cell's expected answer: a word of the table (200, posted, redirect, login, denied) or a status code.</summary>
public sealed record Expected(string Word)
{
    public bool Accepts(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Word switch
        {
            "200" => answer.Seen == Seen.Ok,
            "posted" => answer.Seen is Seen.Ok or Seen.Redirect,
            "redirect" => answer.Seen == Seen.Redirect,
            "login" => answer.Seen == Seen.SignIn,
            "denied" => answer.Seen == Seen.AccessDenied,
            _ => answer.Seen == Seen.Status && answer.Status == int.Parse(Word, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Whether a role with this expectation may use the handler (for choosing who posts a form in the other suites).</summary>
    public bool Allows => Word is "200" or "posted" or "redirect";

    public override string ToString() => Word;
}

/// <summary>A line of the table: the request target (placeholders in braces) and, per role, the expected answer for own | other records.</summary>
public sealed record TableLine(string Method, string Target, IReadOnlyDictionary<Role, (Expected Own, Expected Other)> Cells)
{
    /// <summary>The handler this line speaks for: method, path and the handler's name, other query values left out.</summary>
    public string Key
    {
        get
        {
            var (path, query) = HtmlForm.Split(Target);
            var handler = HtmlForm.Query(query).FirstOrDefault(p => p.Key == "handler").Value;
            return handler is null ? $"{Method} {path}" : $"{Method} {path}?handler={handler}";
        }
    }

    /// <summary>Other members' records and foreign ids in one's own member's route are refused alike.</summary>
    public Expected For(Role role, Ownership ownership) => ownership == Ownership.Own ? Cells[role].Own : Cells[role].Other;
}

public static class AuthorizationTable
{
    private static readonly string[] Words = ["200", "posted", "redirect", "login", "denied", "400", "401", "403", "404"];

    /// <summary>Reads <see cref="AuthorizationExpectations.Table"/>: a header naming the roles, then one line per handler.</summary>
    public static IReadOnlyDictionary<string, TableLine> Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var lines = new Dictionary<string, TableLine>(StringComparer.Ordinal);
        Role[]? roles = null;
        foreach (var raw in table.Split('\n'))
        {
            var text = raw.Trim();
            if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (roles is null)
            {
                roles = [.. columns.Skip(2).Select(c => Enum.Parse<Role>(c, ignoreCase: true))];
                Assert.Equal(Visitors.All.Order(), roles.Order());
                continue;
            }

            Assert.True(columns.Length == roles.Length + 2, $"The line '{text}' needs a method, a target and {roles.Length} cells.");
            var cells = new Dictionary<Role, (Expected, Expected)>();
            for (var i = 0; i < roles.Length; i++)
            {
                var parts = columns[i + 2].Split('|');
                Assert.True(parts.All(Words.Contains) && parts.Length <= 2, $"'{columns[i + 2]}' in '{text}': use {string.Join(", ", Words)}, or own|other.");
                cells[roles[i]] = (new Expected(parts[0]), new Expected(parts[^1]));
            }

            var line = new TableLine(columns[0], columns[1], cells);
            Assert.True(lines.TryAdd(line.Key, line), $"Two lines for {line.Key}.");
        }

        return lines;
    }
}
