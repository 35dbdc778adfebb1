using System.Text;
using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

public class SignedDocumentFormatDetection
{
    [Fact]
    public void Recognises_pdf_png_and_jpeg_by_their_leading_bytes()
    {
        Assert.Equal("application/pdf", SignedDocumentFormat.DetectContentType(Encoding.ASCII.GetBytes("%PDF-1.7\n...")));
        Assert.Equal("image/png", SignedDocumentFormat.DetectContentType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", SignedDocumentFormat.DetectContentType([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
    }

    [Theory]
    [InlineData("MZ\u0090\u0000")] // a Windows executable renamed .pdf
    [InlineData("<html><script>")]
    [InlineData("%PD")] // truncated
    [InlineData("")]
    public void Rejects_anything_else_whatever_it_is_called(string content) =>
        Assert.Null(SignedDocumentFormat.DetectContentType(Encoding.Latin1.GetBytes(content)));
}
