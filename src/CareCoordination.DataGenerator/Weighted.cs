namespace CareCoordination.DataGenerator;

/// <summary>Items drawn in proportion to their weights (cumulative weights, binary search).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices.Where(c => c.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one choice needs a positive weight.", nameof(choices));
        }

        _items = [.. list.Select(c => c.Item)];
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _items[index < 0 ? Math.Min(~index, _items.Length - 1) : Math.Min(index + 1, _items.Length - 1)];
    }
}
