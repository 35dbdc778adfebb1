using System.Text;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// One hostile value. <paramref name="Encoded"/> values are percent-encoded bytes sent as they are (invalid UTF-8);
/// <paramref name="Markup"/> values must never come back unencoded.
/// </summary>
public sealed record Hostile(string Label, string Value, bool Encoded = false, bool Markup = false)
{
    public bool Overlong => Value.Length >= 10_000;

    public override string ToString() => Label;
}

/// <summary>A hostile file upload for a file field.</summary>
public sealed record HostileFile(string Label, Upload Upload);

/// <summary>What a tester throws at each kind of field: the same core for every field, and more for its kind.</summary>
public static class HostileValues
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

    /// <summary>Fragments that appear in a page only if a payload was echoed without encoding.</summary>
    public static readonly string[] UnencodedMarkers =
        ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "</textarea><script>", "<iframe src=javascript:", "href=\"javascript:alert(1)\"", "src=\"javascript:alert(1)\""];

    private static readonly string TenThousand = new('A', 10_000);
    private static readonly string OneMillion = new('B', 1_000_000);

    /// <summary>For every field, whatever its kind.</summary>
    public static readonly IReadOnlyList<Hostile> Core =
    [
        new("empty", ""),
        new("blank", "   "),
        new("tabs and newlines", "\t\n\r\n\t"),
        new("10k characters", TenThousand),
        new("1M characters", OneMillion),
        new("NUL", "\0"),
        new("NUL inside", "abc\0def"),
        new("control characters", "\u0001\u0002\u0007\b\u001b[31m\u007f"),
        new("right-to-left override", "\u202Eevil\u202Cnormal"),
        new("zero-width characters", "\u200B\u200C\u200D\u2060\uFEFF"),
        new("emoji and combining marks", "😀👩‍⚕️ e\u0301\u0301\u0301"),
        new("lone surrogate", "%ED%A0%80", Encoded: true),
        new("invalid UTF-8", "%FF%FE%FD", Encoded: true),
        new("overlong UTF-8 slash", "%C0%AF%C0%AE%C0%AE", Encoded: true),
        new("SQL quote", "' OR '1'='1"),
        new("SQL statement", "1; DROP TABLE Members;--"),
        new("SQL union", "1' UNION SELECT sqlite_version(), name FROM sqlite_master--"),
        new("SQL comment", "admin'/*"),
        new("script tag", Script, Markup: true),
        new("attribute breakout", ImageOnError, Markup: true),
        new("svg onload", "'><svg onload=alert(1)>", Markup: true),
        new("textarea breakout", "</textarea><script>alert(1)</script>", Markup: true),
        new("javascript url", "javascript:alert(1)"),
        new("iframe", "<iframe src=javascript:alert(1)>", Markup: true),
        new("CRLF header injection", "x\r\nSet-Cookie: pwned=1\r\nX-Injected: 1"),
        new("encoded CRLF", "%0d%0aX-Injected:%201"),
        new("response splitting", "\r\n\r\n<html>split</html>"),
        new("open redirect", "//evil.example/"),
        new("open redirect backslash", "/\\evil.example"),
        new("absolute url", "https://evil.example/"),
        new("path traversal", "../../../../etc/passwd"),
        new("template syntax", "{{7*7}}${7*7}@(7*7)<%= 7*7 %>"),
        new("format string", "%s%s%n{0}{1}"),
        new("JSON and null words", "{\"$ne\":null} null undefined NaN"),
    ];

    public static readonly IReadOnlyList<Hostile> Numbers =
    [
        new("20 digits", "99999999999999999999"),
        new("minus one", "-1"),
        new("1e309", "1e309"),
        new("NaN", "NaN"),
        new("Infinity", "Infinity"),
        new("minus Infinity", "-Infinity"),
        new("int overflow", "2147483648"),
        new("int underflow", "-2147483649"),
        new("long overflow", "9223372036854775808"),
        new("decimal overflow", "79228162514264337593543950336"),
        new("tiny decimal", "0.00000000000000000000000000001"),
        new("hex", "0x1F"),
        new("thousands separator", "1,000"),
        new("decimal comma", "1,5"),
        new("fraction", "1.5"),
        new("negative zero", "-0"),
        new("exponent", "1e2"),
        new("fullwidth digits", "１２"),
        new("Arabic-Indic digits", "١٢"),
        new("padded", "  7  "),
        new("trailing letters", "12abc"),
    ];

    public static readonly IReadOnlyList<Hostile> Dates =
    [
        new("February 30", "2026-02-30"),
        new("five-digit year", "99999-01-01"),
        new("year one", "0001-01-01"),
        new("last day of time", "9999-12-31"),
        new("month 13", "2026-13-01"),
        new("day zero", "2026-01-00"),
        new("US format", "02/30/2026"),
        new("date and time", "2026-01-15T25:61:61Z"),
        new("negative year", "-2026-01-15"),
        new("week date", "2026-W05-1"),
        new("words", "tomorrow"),
        new("epoch seconds", "1767225600"),
        new("year 1899", "1899-12-31"),
        new("1e309", "1e309"),
        new("20 digits", "99999999999999999999"),
    ];

    public static readonly IReadOnlyList<Hostile> Choices =
    [
        new("unknown name", "NotAChoice"),
        new("undefined number", "999"),
        new("minus one", "-1"),
        new("int overflow", "2147483648"),
        new("flag combination", "0,1,2"),
        new("names combined", "Depression, Anxiety"),
        new("wrong case", "rOuTiNe"),
        new("padded", "  1  "),
        new("hex", "0x1"),
        new("another list's id", "2147483647"),
        new("1e309", "1e309"),
        new("NaN", "NaN"),
    ];

    public static readonly IReadOnlyList<Hostile> Checkboxes =
    [
        new("on", "on"),
        new("yes", "yes"),
        new("one", "1"),
        new("two", "2"),
        new("upper TRUE", "TRUE"),
        new("misspelt", "tru"),
        new("true with NUL", "true\0"),
        new("null", "null"),
        new("array", "[true]"),
        new("false words", "off"),
    ];

    /// <summary>What every kind of field gets, however it is bound: overlong, control, encoding, injection and markup.</summary>
    public static readonly IReadOnlyList<Hostile> Universal = [.. Core.Where(h => h.Label is "empty" or "blank" or "10k characters" or "1M characters"
        or "NUL inside" or "control characters" or "right-to-left override" or "zero-width characters" or "invalid UTF-8" or "SQL quote"
        or "script tag" or "attribute breakout" or "CRLF header injection" or "path traversal" or "template syntax" or "JSON and null words")];

    public static readonly IReadOnlyList<Hostile> Identifiers =
    [
        new("empty guid", Guid.Empty.ToString()),
        new("someone else's guid", "f00dbabe-0000-4000-8000-000000000000"),
        new("guid in braces", "{f00dbabe-0000-4000-8000-000000000001}"),
        new("guid with a bad digit", "f00dbabe-0000-4000-8000-00000000000g"),
        new("zero", "0"),
    ];

    /// <summary>The hostile values for a field of the given kind (at least 30 each): text gets the whole core; other kinds the universal part and their own.</summary>
    public static IReadOnlyList<Hostile> For(FieldKind kind) => kind switch
    {
        FieldKind.Number => [.. Universal, .. Numbers],
        FieldKind.Date => [.. Universal, .. Dates],
        FieldKind.Select => [.. Universal, .. Choices, .. Numbers.Take(4)],
        FieldKind.Checkbox => [.. Universal, .. Checkboxes, .. Numbers.Take(4)],
        FieldKind.Hidden or FieldKind.Query => [.. Universal, .. Numbers.Take(9), .. Identifiers],
        _ => Core,
    };

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>");

    /// <summary>Files a tester uploads: lies about type and name, wrong content, empty, too big, and names that try to break out.</summary>
    public static IReadOnlyList<HostileFile> Files() =>
    [
        new("empty file", new Upload("scan.pdf", "application/pdf", [])),
        new("one zero byte", new Upload("scan.pdf", "application/pdf", [0])),
        new("HTML claiming to be a PDF", new Upload("scan.pdf", "application/pdf", Html)),
        new("SVG with a script", new Upload("scan.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"))),
        new("HTML as HTML", new Upload("scan.html", "text/html", Html)),
        new("executable", new Upload("scan.exe", "application/x-msdownload", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0])),
        new("PDF named with a script", new Upload(Script + ".pdf", "application/pdf", Pdf)),
        new("PDF named to break the attribute", new Upload(ImageOnError + ".pdf", "application/pdf", Pdf)),
        new("PDF named with a path", new Upload("../../../../etc/passwd.pdf", "application/pdf", Pdf)),
        new("PDF named with a Windows path", new Upload("..\\..\\web.config.pdf", "application/pdf", Pdf)),
        new("PDF named with NUL", new Upload("scan\0.exe.pdf", "application/pdf", Pdf)),
        new("PDF named with CRLF", new Upload("scan.pdf\r\nX-Injected: 1", "application/pdf", Pdf)),
        new("PDF named with quotes", new Upload("scan\".pdf\"; name=\"Input.Purpose", "application/pdf", Pdf)),
        new("PDF with a 10k-character name", new Upload(new string('n', 10_000) + ".pdf", "application/pdf", Pdf)),
        new("PDF named right-to-left", new Upload("scan\u202Efdp.exe", "application/pdf", Pdf)),
        new("PDF with no name", new Upload("", "application/pdf", Pdf)),
        new("PDF claiming HTML", new Upload("scan.pdf", "text/html", Pdf)),
        new("PDF with no content type", new Upload("scan.pdf", null, Pdf)),
        new("PDF with a 10k content type", new Upload("scan.pdf", "application/" + new string('x', 10_000), Pdf)),
        new("PNG magic only", new Upload("scan.png", "image/png", Png[..8])),
        new("truncated JPEG", new Upload("scan.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF])),
        new("PDF header then a script", new Upload("scan.pdf", "application/pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. Html])),
        new("GIF", new Upload("scan.gif", "image/gif", "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray())),
        new("zip", new Upload("scan.zip", "application/zip", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0])),
        new("UTF-16 text", new Upload("scan.txt", "text/plain", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("hello")).ToArray())),
        new("1 KB of zeros", new Upload("scan.pdf", "application/pdf", new byte[1024])),
        new("JPEG bytes named PDF", new Upload("scan.pdf", "application/pdf", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'])),
        new("just over 10 MB", new Upload("scan.pdf", "application/pdf", [.. Pdf, .. new byte[(10 * 1024 * 1024) + 1 - Pdf.Length]])),
        new("over the 30 MB post limit", new Upload("scan.pdf", "application/pdf", [.. Pdf, .. new byte[(31 * 1024 * 1024) - Pdf.Length]])),
        new("filename* with an encoded script", new Upload("scan.pdf\"; filename*=UTF-8''%3Cscript%3Ealert(1)%3C%2Fscript%3E.pdf", "application/pdf", Pdf)),
    ];
}
