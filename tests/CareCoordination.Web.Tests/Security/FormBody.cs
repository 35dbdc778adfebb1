using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CareCoordination.Web.Tests.Security;

/// <summary>A file as a browser uploads it: its name and content type are whatever the sender claims.</summary>
public sealed record Upload(string FileName, string? ContentType, byte[] Content);

/// <summary>One value of a form post. <paramref name="Encoded"/> values are already percent-encoded bytes (invalid UTF-8, say) and go on the wire as they are.</summary>
public sealed record FormPart(string Name, string Value, bool Encoded = false, Upload? File = null);

/// <summary>
/// Form bodies built byte by byte, so that a test can send what no well-behaved client library would: repeated fields,
/// invalid UTF-8, control characters and CRLF in multipart headers.
/// </summary>
public static class FormBody
{
    public static HttpContent Create(IEnumerable<FormPart> parts, bool multipart) => multipart ? Multipart(parts) : UrlEncoded(parts);

    public static HttpContent UrlEncoded(IEnumerable<FormPart> parts)
    {
        var body = string.Join("&", parts.Where(p => p.File is null).Select(p => Escape(p.Name) + "=" + (p.Encoded ? p.Value : Escape(p.Value))));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    public static HttpContent Multipart(IEnumerable<FormPart> parts)
    {
        var boundary = "----SecurityProbe" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            var header = new StringBuilder().Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(part.Name).Append('"');
            if (part.File is { } file)
            {
                header.Append("; filename=\"").Append(file.FileName).Append('"');
                if (file.ContentType is not null)
                {
                    header.Append("\r\nContent-Type: ").Append(file.ContentType);
                }
            }

            header.Append("\r\n\r\n");
            Write(body, Encoding.UTF8.GetBytes(header.ToString()));
            Write(body, part.File?.Content ?? (part.Encoded ? Unescape(part.Value) : Encoding.UTF8.GetBytes(part.Value)));
            Write(body, "\r\n"u8.ToArray());
        }

        Write(body, Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>Percent-encodes the UTF-8 bytes of the text (a lone surrogate becomes U+FFFD, as a browser sends it).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Unescape(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return [.. bytes];
    }

    private static void Write(Stream stream, byte[] bytes) => stream.Write(bytes, 0, bytes.Length);
}
