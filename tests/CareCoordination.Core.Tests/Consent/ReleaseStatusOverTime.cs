using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

public class ReleaseStatusOverTime
{
    private static readonly DateOnly Effective = new(2026, 3, 1);

    private static Release Make(DateOnly? expiresOn = null, string? expirationEvent = null) => new()
    {
        MemberId = 1,
        Kind = ReleaseKind.PsychotherapyNotesAuthorization,
        Information = ReleasedInformation.PsychotherapyNotes,
        InformationDescription = "Psychotherapy notes",
        AuthorizedDiscloser = "Dr. Lowe",
        RecipientProviderId = 7,
        Purpose = "Coordination",
        EffectiveOn = Effective,
        ExpiresOn = expiresOn,
        ExpirationEvent = expirationEvent,
        SignedOn = Effective,
        SignedBy = SignerKind.Member,
        SignerName = "A Member",
    };

    [Fact]
    public void Not_yet_effective_before_its_effective_date()
    {
        Assert.Equal(ReleaseStatus.NotYetEffective, Make().StatusOn(Effective.AddDays(-1)));
        Assert.Equal(ReleaseStatus.Active, Make().StatusOn(Effective));
    }

    [Fact]
    public void Valid_through_its_expiration_date_inclusive()
    {
        var release = Make(expiresOn: new DateOnly(2026, 6, 30));
        Assert.Equal(ReleaseStatus.Active, release.StatusOn(new DateOnly(2026, 6, 30)));
        Assert.Equal(ReleaseStatus.Expired, release.StatusOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Expires_on_the_day_its_expiration_event_happens()
    {
        var release = Make(expirationEvent: "End of treatment");
        Assert.Equal(ReleaseStatus.Active, release.StatusOn(new DateOnly(2027, 1, 1)));

        release.RecordExpirationEvent(new DateOnly(2026, 9, 15));
        Assert.Equal(ReleaseStatus.Active, release.StatusOn(new DateOnly(2026, 9, 14)));
        Assert.Equal(ReleaseStatus.Expired, release.StatusOn(new DateOnly(2026, 9, 15)));
    }

    [Fact]
    public void A_release_without_an_expiration_event_cannot_record_one() =>
        Assert.Throws<InvalidOperationException>(() => Make(expiresOn: new DateOnly(2026, 6, 30)).RecordExpirationEvent(new DateOnly(2026, 5, 1)));

    [Fact]
    public void Revocation_wins_over_every_date()
    {
        var release = Make(expiresOn: new DateOnly(2027, 1, 1));
        release.Revoke(new DateTime(2026, 4, 2, 17, 0, 0, DateTimeKind.Utc), "Member revoked in writing");
        Assert.Equal(ReleaseStatus.Revoked, release.StatusOn(new DateOnly(2026, 4, 3)));
        Assert.Equal(ReleaseStatus.Revoked, release.StatusOn(Effective.AddDays(-1)));
        Assert.Equal("Member revoked in writing", release.RevocationNote);
    }

    [Fact]
    public void A_revoked_release_cannot_be_revoked_again()
    {
        var release = Make();
        release.Revoke(new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc), "first");
        Assert.Throws<InvalidOperationException>(() => release.Revoke(new DateTime(2026, 4, 3, 0, 0, 0, DateTimeKind.Utc), "second"));
    }

    [Fact]
    public void Every_kind_and_status_has_a_label()
    {
        Assert.All(Enum.GetValues<ReleaseKind>(), kind => Assert.False(string.IsNullOrWhiteSpace(kind.Label())));
        Assert.All(Enum.GetValues<ReleaseStatus>(), status => Assert.False(string.IsNullOrWhiteSpace(status.Label())));
    }
}
