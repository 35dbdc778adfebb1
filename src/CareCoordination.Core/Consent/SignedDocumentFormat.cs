namespace CareCoordination.Core.Consent;

/// <summary>The formats accepted for a scanned, signed release, recognised by their leading bytes rather than a file name.</summary>
public static class SignedDocumentFormat
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>The MIME type the content really is, or null when it is none of PDF, PNG or JPEG.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> leadingBytes)
    {
        if (leadingBytes.StartsWith(PdfMagic))
        {
            return "application/pdf";
        }

        if (leadingBytes.StartsWith(PngMagic))
        {
            return "image/png";
        }

        return leadingBytes.StartsWith(JpegMagic) ? "image/jpeg" : null;
    }
}
