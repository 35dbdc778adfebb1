using System.Globalization;
using System.Security.Claims;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Prescriptions;

/// <summary>Whether the signed-in clinician may prescribe, from their directory entry, and what to tell them when not.</summary>
public sealed record PrescriptiveAuthority(bool CanPrescribe, string Discipline)
{
    public string Refusal =>
        $"Prescribing needs prescriptive authority, and your directory entry ({Discipline}) does not hold it. You can read the member's medications; a prescriber on the care team starts, changes and stops them.";

    public static async Task<PrescriptiveAuthority> OfAsync(CareDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var providerId = user.ProviderIdOf();
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => new { p.CanPrescribe, p.Discipline }).SingleOrDefaultAsync(cancellationToken);
        return new(provider?.CanPrescribe ?? false, provider?.Discipline?.Label() ?? "no BH discipline recorded");
    }
}

public static class Prescribing
{
    /// <summary>Orders not yet stopped: the regimen a change is measured against.</summary>
    public static IQueryable<MedicationOrder> OpenFor(this IQueryable<MedicationOrder> orders, int memberId) =>
        orders.Where(o => o.MemberId == memberId && o.StopOn == null);

    /// <summary>Audits the refusal and shows the page with the reason (the page renders no form without authority).</summary>
    public static async Task<IActionResult> RefuseAsync(this PageModel page, AuditTrail audit, int memberId, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditAction.AccessDenied, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
        page.Response.StatusCode = StatusCodes.Status403Forbidden;
        return page.Page();
    }
}

/// <summary>Dose, unit and frequency as typed into a form.</summary>
public interface IRegimenInput
{
    string? Dose { get; }

    string? DoseUnit { get; }

    MedicationFrequency? Frequency { get; }
}

/// <summary>Doses as typed: number inputs send invariant decimals whatever the user's language.</summary>
public static class Doses
{
    public const decimal Maximum = 5000m;

    public static decimal Parse(string? text) => Read(text) ?? throw new FormatException("Validate the dose before reading it.");

    public static string Format(decimal dose) => dose.ToString("0.####", CultureInfo.InvariantCulture);

    public static string? Problem(string? text) => Read(text) switch
    {
        _ when string.IsNullOrWhiteSpace(text) => "Enter the dose.",
        null => "Enter the dose as a number, like 50 or 0.5.",
        <= 0m => "The dose must be more than 0.",
        > Maximum => $"The dose cannot be more than {Maximum.ToString("N0", CultureInfo.InvariantCulture)}; check the unit.",
        { } dose when decimal.Round(dose, 4) != dose => "Use at most 4 decimal places.",
        _ => null,
    };

    private static decimal? Read(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dose) ? dose : null;
}

public sealed class RegimenRules<T> : AbstractValidator<T>
    where T : IRegimenInput
{
    public RegimenRules()
    {
        RuleFor(r => r.Dose).Custom((dose, context) =>
        {
            if (Doses.Problem(dose) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(r => r.DoseUnit).Must(DoseUnits.IsKnown).WithMessage("Choose the unit.");
        RuleFor(r => r.Frequency).NotNull().WithMessage("Choose how often.").IsInEnum();
    }
}
