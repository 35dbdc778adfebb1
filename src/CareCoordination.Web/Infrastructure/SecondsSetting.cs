using System.Globalization;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// A setting that is a whole number of seconds within bounds: its default when it is not set, and a value out of bounds
/// (or not a number) stops the app with the setting's name rather than running with a guess.
/// </summary>
public static class SecondsSetting
{
    public static TimeSpan Read(IConfiguration configuration, string key, int defaultSeconds, int fewest, int most)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return TimeSpan.FromSeconds(defaultSeconds);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= fewest && seconds <= most
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{key} must be a whole number of seconds from {fewest} to {most}, not '{value}'.");
    }
}
