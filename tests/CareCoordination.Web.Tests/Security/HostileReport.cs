using System.Text;

namespace CareCoordination.Web.Tests.Security;

/// <summary>What the hostile-input suite found, grouped so that one cause reads as one line: where, which field, what went wrong, for which values.</summary>
public sealed class HostileReport
{
    private readonly Dictionary<(string Where, string Field, string Problem), List<string>> _failures = [];
    private readonly Dictionary<string, int> _requestsPerForm = [];
    private readonly Dictionary<string, TimeSpan> _timePerForm = [];
    private readonly List<string> _accepted = [];

    public int Requests { get; private set; }

    public int FailureCount => _failures.Values.Sum(v => v.Count);

    public void Sent(string form)
    {
        Requests++;
        _requestsPerForm[form] = _requestsPerForm.GetValueOrDefault(form) + 1;
    }

    public void Took(string form, TimeSpan time) => _timePerForm[form] = _timePerForm.GetValueOrDefault(form) + time;

    public void Fail(string where, string field, string problem, string value) =>
        (_failures.TryGetValue((where, field, problem), out var values) ? values : _failures[(where, field, problem)] = []).Add(value);

    public void Accepted(string where, string field, string value, string location) => _accepted.Add($"{where} {field} = {value} → {location}");

    public string Failures()
    {
        var text = new StringBuilder().Append(FailureCount).Append(" hostile requests were mishandled:\n");
        foreach (var ((where, field, problem), values) in _failures.OrderBy(f => f.Key.Where, StringComparer.Ordinal).ThenBy(f => f.Key.Field, StringComparer.Ordinal))
        {
            text.Append("  ").Append(where).Append(", field ").Append(field).Append(": ").Append(problem).Append(" for ")
                .Append(values.Count).Append(values.Count == 1 ? " value: " : " values: ").AppendJoin(", ", values.Take(12))
                .Append(values.Count > 12 ? ", ..." : "").Append('\n');
        }

        return text.ToString();
    }

    public string Summary(TimeSpan elapsed)
    {
        var text = new StringBuilder()
            .Append("Hostile input: ").Append(_requestsPerForm.Count).Append(" forms, ").Append(Requests).Append(" requests in ")
            .Append(elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" s; ")
            .Append(FailureCount).Append(" mishandled; ").Append(_accepted.Count).Append(" accepted (saved, then checked on the page they led to).\n");
        foreach (var (form, count) in _requestsPerForm.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var seconds = _timePerForm.GetValueOrDefault(form).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            text.Append("  ").Append(count).Append(" requests, ").Append(seconds).Append(" s\t").Append(form).Append('\n');
        }

        if (_accepted.Count > 0)
        {
            text.Append("Accepted:\n").AppendJoin('\n', _accepted.Select(a => "  " + (a.Length > 300 ? a[..300] + "..." : a))).Append('\n');
        }

        return text.ToString();
    }
}
