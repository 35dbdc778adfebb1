using System.Collections.Frozen;

namespace CareCoordination.Core.Vocabularies;

/// <summary>
/// Finds the catalog entry a drug is, by RxNorm code, then ATC code, then an ingredient name or synonym inside the
/// display text ("sertraline 50 MG Oral Tablet" is sertraline). Lookups allocate nothing, so rules can match every
/// active medication on every event cheaply.
/// </summary>
public sealed class DrugMatcher<T>
    where T : class
{
    private readonly FrozenDictionary<string, T> _byRxNorm;
    private readonly FrozenDictionary<string, T> _byAtc;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _byTwoWords;

    public DrugMatcher(IEnumerable<(T Entry, IEnumerable<string> RxNormCodes, IEnumerable<string> AtcCodes, IEnumerable<string> Names)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rxNorm = new Dictionary<string, T>(StringComparer.Ordinal);
        var atc = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var oneWord = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var twoWords = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, rxNormCodes, atcCodes, names) in entries)
        {
            foreach (var code in rxNormCodes)
            {
                rxNorm.TryAdd(code, entry);
            }

            foreach (var code in atcCodes)
            {
                atc.TryAdd(code, entry);
            }

            foreach (var name in names)
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // Names of one or two words are matched word by word in the text; longer names by their first two words.
                (words.Length == 1 ? oneWord : twoWords).TryAdd(string.Join(' ', words.Take(2)), entry);
            }
        }

        _byRxNorm = rxNorm.ToFrozenDictionary(StringComparer.Ordinal);
        _byAtc = atc.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byWord = oneWord.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _byTwoWords = twoWords.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public T? Match(string? rxNormCode, string? atcCode, string? displayText)
    {
        if (rxNormCode is not null && _byRxNorm.TryGetValue(rxNormCode, out var byCode))
        {
            return byCode;
        }

        if (atcCode is not null && _byAtc.TryGetValue(atcCode, out var byAtc))
        {
            return byAtc;
        }

        return displayText is null ? null : MatchText(displayText);
    }

    private T? MatchText(ReadOnlySpan<char> text)
    {
        // Two-word names first, so "buprenorphine and naloxone" wins over "buprenorphine".
        var previousStart = -1;
        T? single = null;
        var position = 0;
        while (NextWord(text, ref position, out var start, out var end))
        {
            if (previousStart >= 0 && _byTwoWords.TryGetValue(text[previousStart..end], out var pair))
            {
                return pair;
            }

            if (single is null && _byWord.TryGetValue(text[start..end], out var word))
            {
                single = word;
            }

            previousStart = start;
        }

        return single;
    }

    private static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int end)
    {
        while (position < text.Length && !char.IsLetter(text[position]))
        {
            position++;
        }

        start = position;
        while (position < text.Length && (char.IsLetter(text[position]) || text[position] == '-'))
        {
            position++;
        }

        end = position;
        return end > start;
    }
}
