using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareCoordination.Web.Tests.Performance;

/// <summary>Counts the SQL commands the app's contexts send; one request at a time.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
