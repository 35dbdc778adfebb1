namespace CareCoordination.Core.Consent;

public enum SignerKind
{
    Member,

    /// <summary>A personal representative with authority to act for the member (e.g. parent of a minor, healthcare power of attorney).</summary>
    PersonalRepresentative,
}
