using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Members;

/// <summary>
/// Member search by name, date of birth or plan member ID, among the members the user may see. The criteria are
/// PHI, so the form posts them: they never appear in a URL, browser history or a server log.
/// </summary>
public sealed class IndexModel(MemberAccess access, AuditTrail audit, IValidator<IndexModel.Criteria> validator) : PageModel
{
    public const int MaxResults = 50;

    [BindProperty]
    public Criteria Search { get; set; } = new();

    public IReadOnlyList<Result>? Results { get; private set; }

    public bool MoreThanShown { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Search, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Search));
            return Page();
        }

        var members = access.MembersVisibleTo(User).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search.MemberId))
        {
            var memberId = Search.MemberId.Trim().ToUpperInvariant();
            members = members.Where(m => m.PlanMemberId == memberId);
        }

        if (Search.DateOfBirth is { } dateOfBirth)
        {
            members = members.Where(m => m.DateOfBirth == dateOfBirth);
        }

        if (!string.IsNullOrWhiteSpace(Search.Name))
        {
            var (first, second) = NameParts(Search.Name);
            members = second is null
                ? members.Where(m => m.FamilyName.StartsWith(first) || m.GivenName.StartsWith(first))
                : members.Where(m => (m.GivenName.StartsWith(first) && m.FamilyName.StartsWith(second))
                    || (m.FamilyName.StartsWith(first) && m.GivenName.StartsWith(second)));
        }

        var found = await members
            .OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).ThenBy(m => m.Id)
            .Take(MaxResults + 1)
            .Select(m => new Result(m.Id, m.FamilyName + ", " + m.GivenName, m.DateOfBirth, m.PlanMemberId,
                m.Pcp == null ? null : m.Pcp.GivenName + " " + m.Pcp.FamilyName))
            .ToListAsync(cancellationToken);
        MoreThanShown = found.Count > MaxResults;
        Results = found.Take(MaxResults).ToList();
        await audit.RecordAsync(AuditAction.MemberSearched, AuditOutcome.Success, cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>"Given Family" or "Family, Given" or a single name; either order matches.</summary>
    private static (string First, string? Second) NameParts(string name)
    {
        var parts = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 1 ? (parts[0], null) : (parts[0], parts[^1]);
    }

    public sealed class Criteria
    {
        public string? Name { get; set; }

        public DateOnly? DateOfBirth { get; set; }

        public string? MemberId { get; set; }
    }

    public sealed class CriteriaValidator : AbstractValidator<Criteria>
    {
        public CriteriaValidator(PlanClock clock)
        {
            RuleFor(c => c).Custom((criteria, context) =>
            {
                if (string.IsNullOrWhiteSpace(criteria.Name) && criteria.DateOfBirth is null && string.IsNullOrWhiteSpace(criteria.MemberId))
                {
                    context.AddFailure(new ValidationFailure(string.Empty, "Enter a name, a date of birth or a member ID."));
                }
            });
            RuleFor(c => c.Name).MinimumLength(2).WithMessage("Enter at least 2 letters of the name.")
                .MaximumLength(100).WithMessage("A name is at most 100 characters.")
                .When(c => !string.IsNullOrWhiteSpace(c.Name));
            RuleFor(c => c.DateOfBirth)
                .Must(d => d <= clock.Today).WithMessage("A date of birth cannot be in the future.")
                .Must(d => d >= new DateOnly(1900, 1, 1)).WithMessage("Enter a date of birth after 1900.")
                .When(c => c.DateOfBirth is not null);
            RuleFor(c => c.MemberId).Matches("^[A-Za-z0-9-]{4,20}$")
                .WithMessage("A member ID is 4 to 20 letters or digits, as printed on the ID card.")
                .When(c => !string.IsNullOrWhiteSpace(c.MemberId));
        }
    }

    public sealed record Result(int Id, string Name, DateOnly DateOfBirth, string PlanMemberId, string? Pcp);
}
