using System.Net.Http.Headers;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>A form page fetched while arranging, posted later as the act: with its antiforgery token and submission id.</summary>
public sealed record AuditedForm(HttpClient Client, string Url, string Page)
{
    public static async Task<AuditedForm> OpenAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client, url, await client.GetStringAsync(url));
    }

    /// <summary>Posts the fields to the form's own URL, or to <paramref name="action"/> when the page has several forms.</summary>
    public Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (Browsing.HiddenValue(Page, "SubmissionId") is { } submissionId)
        {
            fields.TryAdd("SubmissionId", submissionId);
        }

        return Client.PostFormAsync(action ?? Url, Page, fields);
    }

    /// <summary>Posts the fields and one file as multipart, as a browser does with a file input.</summary>
    public async Task<HttpResponseMessage> PostWithFileAsync(IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Browsing.AntiforgeryToken(Page)), "__RequestVerificationToken");
        form.Add(new StringContent(Browsing.HiddenValue(Page, "SubmissionId")!), "SubmissionId");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return await Client.PostAsync(Url, form);
    }
}
