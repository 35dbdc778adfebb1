using System.Text;

namespace CareCoordination.Web.Cds;

/// <summary>
/// Text from an EHR (a drug's display name inside a rule's reason) shown as literal text in a card's markdown, so it
/// cannot add disguised links, images, HTML or emphasis to a clinician's screen. Only the characters that open those
/// are escaped (a link or image needs a bracket), so reasons keep their parentheses and signs readable.
/// </summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]<>~";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
