using System.Globalization;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.DataGenerator.Clinical;

/// <summary>
/// How a drug is usually written: its strengths, unit, form and frequency. Psychotropics carry the shipped vocabulary's
/// ingredient (and so its ATC and RxNorm codes); medical drugs carry their own codes.
/// </summary>
internal sealed record Regimen(string Ingredient, string Form, decimal[] Doses, string Unit, MedicationFrequency Frequency, string AtcCode, string? RxNormCode,
    PsychotropicIngredient? Psychotropic)
{
    public bool IsPsychotropic => Psychotropic is not null;

    /// <summary>
    /// The drug as prescribed, e.g. "sertraline 50 MG Oral Tablet": the form after the ingredient and strength, or a whole
    /// name with the strength in {0} (and a quarter of it in {1}, for buprenorphine with naloxone), or a whole name as it is.
    /// </summary>
    public string DrugName(decimal dose) => Form.Contains("{0}", StringComparison.Ordinal)
        ? string.Format(CultureInfo.InvariantCulture, Form, Amount(dose), Amount(dose / 4))
        : Form.StartsWith(Ingredient + " ", StringComparison.Ordinal)
            ? Form
            : string.Create(CultureInfo.InvariantCulture, $"{Ingredient} {Amount(dose)} {Unit.ToUpperInvariant()} {Form}");

    /// <summary>"50 mg once daily", as the app writes regimens into timeline lines and messages.</summary>
    public string Written(decimal dose) => string.Create(CultureInfo.InvariantCulture, $"{Amount(dose)} {Unit} {Frequency.Label()}");

    public static string Amount(decimal dose) => dose.ToString("0.####", CultureInfo.InvariantCulture);

    public MedicationOrder Order(int memberId, decimal dose, DateOnly startOn, int prescriberId) => new()
    {
        MemberId = memberId,
        DrugName = DrugName(dose),
        AtcCode = AtcCode,
        RxNormCode = RxNormCode,
        Dose = dose,
        DoseUnit = Unit,
        Frequency = Frequency,
        StartOn = startOn,
        PrescriberId = prescriberId,
    };
}
