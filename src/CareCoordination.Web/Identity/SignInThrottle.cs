using System.Net;
using System.Net.Sockets;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Slows guessing long before Identity's lockout: after a few failed attempts on one key (an email, whether or not an
/// account has it; one account's second-factor codes; one client address) the next attempt waits 1 s, then 2, 4 … up to
/// 5 minutes after the last one, and is refused without checking anything until then. Kept in memory on each node: a
/// restart or another node starts afresh, which costs an attacker little next to the lockout, which is in the database.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failed attempts on one email, or one account's codes, before the wait starts.</summary>
    public const int FreeAccountAttempts = 3;

    /// <summary>Failed attempts from one address, over any emails, before the wait starts: colleagues behind one clinic's address share it.</summary>
    public const int FreeAddressAttempts = 10;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(5);

    /// <summary>A key with no attempt for this long starts afresh; it also bounds what is kept.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);

    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Streak> _streaks = new(StringComparer.Ordinal);

    /// <summary>How long after the last of <paramref name="failures"/> attempts the next one may be made.</summary>
    public static TimeSpan DelayAfter(int failures, int free)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - free, 20);
        var delay = FirstDelay * (1L << doublings);
        return delay < LongestDelay ? delay : LongestDelay;
    }

    /// <summary>
    /// Admits a password attempt and counts it as failed before the password is checked, so a burst sent in parallel
    /// cannot slip past; or refuses it, counting nothing. <see cref="PasswordWasRight"/> takes the count back.
    /// </summary>
    public bool TryAdmitPassword(string normalizedEmail, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var account = AccountKey(normalizedEmail);
        var client = AddressKey(address);
        lock (_gate)
        {
            if (Waiting(account, FreeAccountAttempts, now) || Waiting(client, FreeAddressAttempts, now))
            {
                return false;
            }

            Count(account, now);
            Count(client, now);
            PruneIfLarge(now);
            return true;
        }
    }

    /// <summary>
    /// The password was right: the email starts afresh; the address only gets this attempt back, so that an attacker's
    /// own account cannot wash away the failures it sprayed over others.
    /// </summary>
    public void PasswordWasRight(string normalizedEmail, IPAddress? address)
    {
        var client = AddressKey(address);
        lock (_gate)
        {
            _streaks.Remove(AccountKey(normalizedEmail));
            if (_streaks.TryGetValue(client, out var streak))
            {
                _streaks[client] = streak with { Attempts = Math.Max(0, streak.Attempts - 1) };
            }
        }
    }

    /// <summary>The same for a second-factor code (authenticator or recovery code) of one account, after its right password.</summary>
    public bool TryAdmitCode(string userId)
    {
        var now = clock.GetUtcNow();
        var key = CodeKey(userId);
        lock (_gate)
        {
            if (Waiting(key, FreeAccountAttempts, now))
            {
                return false;
            }

            Count(key, now);
            PruneIfLarge(now);
            return true;
        }
    }

    /// <summary>A full sign-in, or an administrator's unlock: the account's email and codes start afresh.</summary>
    public void Forget(string? normalizedEmail, string userId)
    {
        lock (_gate)
        {
            if (normalizedEmail is not null)
            {
                _streaks.Remove(AccountKey(normalizedEmail));
            }

            _streaks.Remove(CodeKey(userId));
        }
    }

    private bool Waiting(string key, int free, DateTimeOffset now) =>
        _streaks.TryGetValue(key, out var streak)
        && now - streak.Last < ForgetAfter
        && now < streak.Last + DelayAfter(streak.Attempts, free);

    private void Count(string key, DateTimeOffset now)
    {
        var attempts = _streaks.TryGetValue(key, out var streak) && now - streak.Last < ForgetAfter ? streak.Attempts : 0;
        _streaks[key] = new Streak(attempts + 1, now);
    }

    // Emails that no account has are counted too (they must answer alike), so drop what has gone quiet.
    private void PruneIfLarge(DateTimeOffset now)
    {
        if (_streaks.Count <= PruneAbove)
        {
            return;
        }

        foreach (var key in _streaks.Where(s => now - s.Value.Last >= ForgetAfter).Select(s => s.Key).ToList())
        {
            _streaks.Remove(key);
        }
    }

    private static string AccountKey(string normalizedEmail) => "email:" + normalizedEmail;

    private static string CodeKey(string userId) => "code:" + userId;

    /// <summary>IPv4 as it is; IPv6 by its /64, which one client usually holds whole.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "address:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "address:" + address;
    }

    private readonly record struct Streak(int Attempts, DateTimeOffset Last);
}
