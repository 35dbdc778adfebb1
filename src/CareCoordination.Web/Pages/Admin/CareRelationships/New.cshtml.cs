using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.CareRelationships;

/// <summary>
/// Starts a care relationship: from its first day the BH practitioner may open the member's record. The member is found by
/// the exact plan member ID, which the form posts so that it never appears in a URL.
/// </summary>
public sealed class NewModel(
    CareDbContext db,
    AuditTrail audit,
    SubmissionGuard submissions,
    PlanClock clock,
    IValidator<NewModel.Relationship> validator) : PageModel
{
    [BindProperty]
    public Relationship Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The member the plan member ID found, shown so the administrator can confirm it is the right person.</summary>
    public MemberMatch? Match { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Practitioners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadPractitionersAsync(cancellationToken);
        Input.StartOn = clock.Today;
        SubmissionId = Guid.NewGuid();
    }

    /// <summary>Looks the member up without saving anything, so the administrator sees whom the ID belongs to.</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken cancellationToken)
    {
        await LoadPractitionersAsync(cancellationToken);
        var validation = await validator.ValidateAsync(Input, options => options.IncludeProperties(nameof(Relationship.PlanMemberId)), cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        Match = await FindMemberAsync(cancellationToken);
        if (Match is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Relationship.PlanMemberId)}", NoSuchMember);
        }

        await audit.RecordAsync(AuditAction.MemberSearched, AuditOutcome.Success, Match?.Id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadPractitionersAsync(cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        Match = await FindMemberAsync(cancellationToken);
        if (Match is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Relationship.PlanMemberId)}", NoSuchMember);
        }

        var practitioner = Practitioners.FirstOrDefault(p => p.Id == Input.ProviderId);
        if (practitioner == default)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Relationship.ProviderId)}", "Choose a behavioral health practitioner from the list.");
        }

        var startOn = Input.StartOn!.Value;
        if (Match is not null && practitioner != default && await OverlapAsync(Match.Id, practitioner, startOn, cancellationToken) is { } overlap)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Relationship.StartOn)}", overlap);
        }

        if (!ModelState.IsValid)
        {
            // The member, if found, is shown beside the problem, so the lookup is audited like a Find.
            await audit.RecordAsync(AuditAction.MemberSearched, AuditOutcome.Success, Match?.Id, cancellationToken: cancellationToken);
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        db.CareRelationships.Add(new CareRelationship { MemberId = Match!.Id, ProviderId = practitioner.Id, StartOn = startOn });
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success, Match.Id);
        Notice = $"Added the care relationship with {practitioner.Name}, starting {Display.Date(startOn)}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/CareRelationships", cancellationToken));
    }

    /// <summary>What is wrong with starting an ongoing relationship between the pair on that day, or null when nothing is.</summary>
    private async Task<string?> OverlapAsync(int memberId, (int Id, string Name) practitioner, DateOnly startOn, CancellationToken cancellationToken)
    {
        var overlapping = (await db.CareRelationships.AsNoTracking()
                .Where(r => r.MemberId == memberId && r.ProviderId == practitioner.Id).ToListAsync(cancellationToken))
            .Where(r => r.WouldOverlapOngoingFrom(startOn)).OrderBy(r => r.StartOn).FirstOrDefault();
        return overlapping switch
        {
            null => null,
            { EndOn: { } lastDay } => $"{practitioner.Name} already treats this member from {Display.Date(overlapping.StartOn)} to {Display.Date(lastDay)}. Start the new relationship after {Display.Date(lastDay)}.",
            _ => $"{practitioner.Name} already treats this member, since {Display.Date(overlapping.StartOn)}. End that relationship first.",
        };
    }

    private const string NoSuchMember = "No member has this plan member ID. Check it against the member's ID card.";

    private Task<MemberMatch?> FindMemberAsync(CancellationToken cancellationToken)
    {
        var planMemberId = Input.PlanMemberId!.Trim().ToUpperInvariant();
        return db.Members.AsNoTracking().Where(m => m.PlanMemberId == planMemberId)
            .Select(m => new MemberMatch(m.Id, m.GivenName + " " + m.FamilyName, m.DateOfBirth))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private async Task LoadPractitionersAsync(CancellationToken cancellationToken) =>
        Practitioners = [.. (await db.Providers.AsNoTracking().Where(p => p.Kind == ProviderKind.BehavioralHealthPractitioner)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials) })
            .ToListAsync(cancellationToken)).Select(p => (p.Id, p.Name))];

    public sealed record MemberMatch(int Id, string Name, DateOnly DateOfBirth);

    public sealed class Relationship
    {
        public string? PlanMemberId { get; set; }

        public int? ProviderId { get; set; }

        public DateOnly? StartOn { get; set; }
    }

    public sealed class RelationshipValidator : AbstractValidator<Relationship>
    {
        public RelationshipValidator(PlanClock clock)
        {
            RuleFor(r => r.PlanMemberId).NotEmpty().WithMessage("Enter the member's plan member ID.")
                .Matches("^[A-Za-z0-9-]{4,20}$").WithMessage("A plan member ID is 4 to 20 letters or digits, as printed on the ID card.");
            RuleFor(r => r.ProviderId).NotNull().WithMessage("Choose the BH practitioner who is treating the member.");
            RuleFor(r => r.StartOn).NotNull().WithMessage("Enter the first day of treatment.")
                .Must(day => day <= clock.Today.AddYears(1)).WithMessage("Start within the next year.");
        }
    }
}
