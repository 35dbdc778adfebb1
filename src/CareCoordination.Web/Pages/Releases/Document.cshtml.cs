using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// The scanned, signed release form, as a download: with the content type detected when it was uploaded, never rendered
/// in the browser or sniffed as something else, never cached. Each download is audited.
/// </summary>
public sealed class DocumentModel(CareDbContext db, MemberAccess access, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        var visible = await access.MembersWhoseReleasesOpenTo(User).AnyAsync(m => m.Id == memberId, cancellationToken);
        var document = visible
            ? await db.ReleaseDocuments.AsNoTracking()
                .Where(d => d.ReleaseId == releaseId && db.Releases.Any(r => r.Id == releaseId && r.MemberId == memberId))
                .Select(d => new { d.ContentType, d.Content })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (document is null)
        {
            await audit.RecordAsync(AuditAction.ReleaseDocumentViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.ReleaseDocumentViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        // The file name carries ids only: a member's name in it would travel with every copy.
        return File(document.Content, document.ContentType, $"release-{releaseId}{Extension(document.ContentType)}");
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };
}
