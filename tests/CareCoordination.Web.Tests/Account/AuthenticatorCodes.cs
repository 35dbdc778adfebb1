using System.Text;

namespace CareCoordination.Web.Tests.Account;

/// <summary>The tests' own authenticator agrees with RFC 6238's published values, so a passing two-factor test means what it says.</summary>
public class AuthenticatorCodes
{
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(20000000000L, "65353130")]
    public void The_test_authenticator_matches_the_rfc_6238_sha1_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, unixSeconds / 30, digits: 8));
    }

    [Fact]
    public void Base32_keys_decode_as_authenticator_apps_read_them()
    {
        Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), Totp.Base32Decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"));
    }
}
