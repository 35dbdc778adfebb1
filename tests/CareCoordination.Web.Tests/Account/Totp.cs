using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CareCoordination.Web.Tests.Account;

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), written here from the RFC, not taken from Identity.</summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for the step <paramref name="stepsFromNow"/> steps away from the real now (Identity checks codes against the real clock).</summary>
    public static string Code(string base32Key, int stepsFromNow = 0) =>
        Code(Base32Decode(base32Key), DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsFromNow, digits: 6);

    /// <summary>
    /// Waits, when fewer than <paramref name="needed"/> remain in the current 30-second step, for the next one: a test that
    /// uses one step's code, then asks for "the step before now", must not cross a step between the two, or the two are
    /// the same code and the second is refused as used.
    /// </summary>
    public static async Task StartOfAStepAsync(TimeSpan needed)
    {
        var intoStep = TimeSpan.FromMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000);
        if (TimeSpan.FromSeconds(30) - intoStep < needed)
        {
            await Task.Delay(TimeSpan.FromSeconds(30) - intoStep + TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>A well-formed code that is none of those Identity accepts now (two steps either side).</summary>
    public static string WrongCode(string base32Key)
    {
        var accepted = Enumerable.Range(-2, 5).Select(step => Code(base32Key, step)).ToHashSet();
        return Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), 6)).First(code => !accepted.Contains(code));
    }

    public static string Code(byte[] key, long step, int digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238 codes, as every authenticator app computes them, are HMAC-SHA1: here it is the specification, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var truncated = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        return (truncated % (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not ' ' and not '='))
        {
            buffer = (buffer << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
