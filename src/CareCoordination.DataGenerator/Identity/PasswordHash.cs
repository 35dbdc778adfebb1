using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;

namespace CareCoordination.DataGenerator.Identity;

/// <summary>
/// A password hash in Identity's version-3 format, the one <see cref="PasswordHasher{TUser}"/> writes by default (PBKDF2
/// with HMAC-SHA512, its default iteration count, a 16-byte salt). It is computed once and shared by every generated
/// account. The salt comes from the seeded stream rather than the OS generator that PasswordHasher uses (and offers no
/// way to replace), so that the same seed gives the same AspNetUsers rows; PasswordHasher verifies it like any other.
/// </summary>
internal static class PasswordHash
{
    private const int SaltBytes = 16;
    private const int SubkeyBytes = 32;

    public static string Create(string password, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var iterations = new PasswordHasherOptions().IterationCount;
        var salt = new byte[SaltBytes];
        random.NextBytes(salt);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, SubkeyBytes);

        var hash = new byte[13 + SaltBytes + SubkeyBytes];
        hash[0] = 0x01; // format marker: version 3
        BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(1), (uint)KeyDerivationPrf.HMACSHA512);
        BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(9), SaltBytes);
        salt.CopyTo(hash.AsSpan(13));
        subkey.CopyTo(hash.AsSpan(13 + SaltBytes));
        return Convert.ToBase64String(hash);
    }
}
