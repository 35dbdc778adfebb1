using System.Text;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CareCoordination.Web.Reports;

/// <summary>
/// A report as a CSV file (UTF-8 with a byte-order mark, a header row, spreadsheet-safe fields from <see cref="CsvText"/>),
/// written to the response as its rows arrive, so a long member list is read in batches and never held whole. The file
/// name names the report and the day, never a member.
/// </summary>
public sealed class CsvDownload(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await response.Body.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        await WriteLineAsync(response, CsvText.Row(header), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await WriteLineAsync(response, CsvText.Row(row), cancellationToken);
        }
    }

    private static async Task WriteLineAsync(HttpResponse response, string line, CancellationToken cancellationToken) =>
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
}
