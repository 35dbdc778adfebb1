namespace CareCoordination.Core.Vocabularies;

/// <summary>A psychotropic ingredient, identified by its WHO ATC code, its RxNorm ingredient codes and the names prescriptions use.</summary>
public sealed record PsychotropicIngredient(string Name, string AtcCode, IReadOnlyList<string> RxNormCodes, PsychotropicClass Class, IReadOnlyList<string> Synonyms);
