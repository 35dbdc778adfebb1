using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareCoordination.Web.Infrastructure;

public static class ValidationResults
{
    /// <summary>
    /// Puts each failure next to its field (<c>prefix.Property</c>), and failures about the form as a whole
    /// (no property) into the form's summary.
    /// </summary>
    public static void ApplyTo(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? string.Empty : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}
