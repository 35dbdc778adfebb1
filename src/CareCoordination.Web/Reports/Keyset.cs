using System.Runtime.CompilerServices;

namespace CareCoordination.Web.Reports;

/// <summary>A long list read in id order a batch at a time, each batch starting after the last id of the one before.</summary>
public static class Keyset
{
    public const int BatchSize = 1000;

    public static async IAsyncEnumerable<T> InBatches<T>(Func<int, CancellationToken, Task<List<T>>> batchAfter, Func<T, int> idOf,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batchAfter);
        ArgumentNullException.ThrowIfNull(idOf);
        var after = 0;
        while (true)
        {
            var batch = await batchAfter(after, cancellationToken);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = idOf(batch[^1]);
        }
    }
}
