using CareCoordination.Core.Clinical;

namespace CareCoordination.Web.Infrastructure.Demo;

/// <summary>Fictional people and realistic clinical content for the demo. Every name here is invented.</summary>
internal static class DemoCatalog
{
    public static readonly string[] GivenNames =
    [
        "Avery", "Jordan", "Camila", "Mateo", "Harper", "Elijah", "Sofia", "Liam", "Amara", "Noah",
        "Isla", "Kenji", "Zara", "Lucas", "Nadia", "Owen", "Leila", "Ethan", "Maribel", "Tobias",
        "Ines", "Caleb", "Yara", "Desmond", "Rosa", "Felix", "June", "Omar", "Greta", "Ruben",
    ];

    public static readonly string[] FamilyNames =
    [
        "Abernathy", "Balogun", "Castellanos", "Delacroix", "Eriksen", "Fairweather", "Gallo", "Haddad",
        "Ibarra", "Jovanovic", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Oyelaran", "Pellegrino",
        "Quintero", "Rasmussen", "Szabo", "Thorne", "Umarov", "Valdivia", "Whitlock", "Xiong", "Yilmaz",
        "Zamora", "Achebe", "Brannigan", "Cifuentes", "Dunleavy",
    ];

    public sealed record Diagnosis(string Code, string Description, bool Behavioral);

    public sealed record Drug(string Name, string Atc, string RxNorm, decimal Dose, string Unit, MedicationFrequency Frequency, bool Psychotropic);

    public sealed record Profile(Diagnosis[] Diagnoses, Drug[] Drugs);

    private static readonly Diagnosis MajorDepression = new("F32.1", "Major depressive disorder, single episode, moderate", true);
    private static readonly Diagnosis RecurrentDepression = new("F33.1", "Major depressive disorder, recurrent, moderate", true);
    private static readonly Diagnosis GeneralizedAnxiety = new("F41.1", "Generalized anxiety disorder", true);
    private static readonly Diagnosis BipolarTwo = new("F31.81", "Bipolar II disorder", true);
    private static readonly Diagnosis BipolarOne = new("F31.9", "Bipolar disorder, unspecified", true);
    private static readonly Diagnosis Schizophrenia = new("F20.9", "Schizophrenia, unspecified", true);
    private static readonly Diagnosis Schizoaffective = new("F25.0", "Schizoaffective disorder, bipolar type", true);
    private static readonly Diagnosis AlcoholDependence = new("F10.20", "Alcohol dependence, uncomplicated", true);
    private static readonly Diagnosis OpioidDependence = new("F11.20", "Opioid dependence, uncomplicated", true);
    private static readonly Diagnosis Ptsd = new("F43.10", "Post-traumatic stress disorder, unspecified", true);
    private static readonly Diagnosis Adjustment = new("F43.21", "Adjustment disorder with depressed mood", true);
    private static readonly Diagnosis Adhd = new("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type", true);
    private static readonly Diagnosis Nicotine = new("F17.210", "Nicotine dependence, cigarettes, uncomplicated", true);
    private static readonly Diagnosis Hypertension = new("I10", "Essential (primary) hypertension", false);
    private static readonly Diagnosis Diabetes = new("E11.9", "Type 2 diabetes mellitus without complications", false);
    private static readonly Diagnosis Obesity = new("E66.9", "Obesity, unspecified", false);
    private static readonly Diagnosis Asthma = new("J45.909", "Unspecified asthma, uncomplicated", false);
    private static readonly Diagnosis Hyperlipidemia = new("E78.5", "Hyperlipidemia, unspecified", false);
    private static readonly Diagnosis Hypothyroidism = new("E03.9", "Hypothyroidism, unspecified", false);
    private static readonly Diagnosis KidneyDisease = new("N18.30", "Chronic kidney disease, stage 3 unspecified", false);
    private static readonly Diagnosis Reflux = new("K21.9", "Gastro-esophageal reflux disease without esophagitis", false);
    private static readonly Diagnosis BackPain = new("M54.50", "Low back pain, unspecified", false);
    private static readonly Diagnosis Insomnia = new("G47.00", "Insomnia, unspecified", false);

    public static readonly Drug Sertraline = new("sertraline 100 MG Oral Tablet", "N06AB06", "36437", 100m, "mg", MedicationFrequency.OnceDaily, true);
    private static readonly Drug Escitalopram = new("escitalopram 10 MG Oral Tablet", "N06AB10", "321988", 10m, "mg", MedicationFrequency.OnceDaily, true);
    private static readonly Drug Bupropion = new("bupropion hydrochloride 300 MG Extended Release Oral Tablet", "N06AX12", "42347", 300m, "mg", MedicationFrequency.OnceDaily, true);
    private static readonly Drug Lamotrigine = new("lamotrigine 100 MG Oral Tablet", "N03AX09", "28439", 100m, "mg", MedicationFrequency.TwiceDaily, true);
    public static readonly Drug Lithium = new("lithium carbonate 300 MG Oral Capsule", "N05AN01", "42351", 300m, "mg", MedicationFrequency.ThreeTimesDaily, true);
    private static readonly Drug Clozapine = new("clozapine 100 MG Oral Tablet", "N05AH02", "2626", 200m, "mg", MedicationFrequency.TwiceDaily, true);
    public static readonly Drug Aripiprazole = new("aripiprazole 15 MG Oral Tablet", "N05AX12", "89013", 15m, "mg", MedicationFrequency.OnceDaily, true);
    private static readonly Drug Naltrexone = new("naltrexone hydrochloride 50 MG Oral Tablet", "N07BB04", "7243", 50m, "mg", MedicationFrequency.OnceDaily, true);
    public static readonly Drug Buprenorphine = new("buprenorphine 8 MG / naloxone 2 MG Sublingual Film", "N07BC51", "1819", 8m, "mg", MedicationFrequency.TwiceDaily, true);
    private static readonly Drug Trazodone = new("trazodone hydrochloride 50 MG Oral Tablet", "N06AX05", "10737", 50m, "mg", MedicationFrequency.AtBedtime, true);
    private static readonly Drug Methylphenidate = new("methylphenidate hydrochloride 10 MG Oral Tablet", "N06BA04", "6901", 10m, "mg", MedicationFrequency.TwiceDaily, true);
    private static readonly Drug Lisinopril = new("lisinopril 10 MG Oral Tablet", "C09AA03", "29046", 10m, "mg", MedicationFrequency.OnceDaily, false);
    private static readonly Drug Metformin = new("metformin hydrochloride 500 MG Oral Tablet", "A10BA02", "6809", 500m, "mg", MedicationFrequency.TwiceDaily, false);
    private static readonly Drug Atorvastatin = new("atorvastatin 20 MG Oral Tablet", "C10AA05", "83367", 20m, "mg", MedicationFrequency.OnceDaily, false);
    private static readonly Drug Levothyroxine = new("levothyroxine sodium 0.05 MG Oral Tablet", "H03AA01", "10582", 50m, "mcg", MedicationFrequency.OnceDaily, false);
    private static readonly Drug Albuterol = new("albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "R03AC02", "435", 2m, "puff", MedicationFrequency.AsNeeded, false);
    private static readonly Drug Omeprazole = new("omeprazole 20 MG Delayed Release Oral Capsule", "A02BC01", "7646", 20m, "mg", MedicationFrequency.OnceDaily, false);

    public static readonly Profile[] Profiles =
    [
        new([MajorDepression, Hypertension], [Sertraline, Lisinopril]),
        new([GeneralizedAnxiety, Asthma], [Escitalopram, Albuterol]),
        new([BipolarTwo, Hypothyroidism], [Lamotrigine, Levothyroxine]),
        new([Schizophrenia, Diabetes, Obesity], [Clozapine, Metformin]),
        new([AlcoholDependence, Hypertension, Reflux], [Naltrexone, Lisinopril, Omeprazole]),
        new([OpioidDependence, BackPain], [Buprenorphine]),
        new([Ptsd, Insomnia], [Trazodone]),
        new([Adjustment], []),
        new([Diabetes, Hyperlipidemia], [Metformin, Atorvastatin]),
        new([BipolarOne, KidneyDisease], [Lithium]),
        new([RecurrentDepression, Hyperlipidemia, Nicotine], [Bupropion, Atorvastatin]),
        new([Adhd], [Methylphenidate]),
        new([Schizoaffective, Obesity], [Aripiprazole]),
        new([Hypertension], [Lisinopril]),
    ];
}
