using System.Linq.Expressions;

namespace CareCoordination.Web.Reports;

/// <summary>
/// A value that changes at known thresholds (the UTC instants where plan days, weeks or age bands begin), as a query
/// expression. EF turns it into a SQL CASE, so a report can count by plan day, week or deadline in one grouped query without
/// time-zone or date functions in the database. The comparisons are nested as a balanced tree: a year of days is nine
/// comparisons deep.
/// </summary>
public static class StepFunction
{
    /// <summary>
    /// <paramref name="values"/>[0] below <paramref name="thresholds"/>[0], <paramref name="values"/>[i] from
    /// <paramref name="thresholds"/>[i - 1] up to <paramref name="thresholds"/>[i], and the last value from the last threshold on.
    /// </summary>
    public static Expression<Func<T, TValue>> Over<T, TKey, TValue>(Expression<Func<T, TKey>> key, IReadOnlyList<TKey> thresholds, IReadOnlyList<TValue> values)
        where TKey : IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != thresholds.Count + 1)
        {
            throw new ArgumentException("There must be one value more than there are thresholds.", nameof(values));
        }

        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i - 1].CompareTo(thresholds[i]) >= 0)
            {
                throw new ArgumentException("Thresholds must rise.", nameof(thresholds));
            }
        }

        return Expression.Lambda<Func<T, TValue>>(Step(key.Body, thresholds, values, 0, values.Count - 1), key.Parameters);
    }

    /// <summary>Puts a step value into the expression that uses it: <c>(row, value) => ...</c> becomes <c>row => ...</c>.</summary>
    public static Expression<Func<T, TResult>> Inline<T, TValue, TResult>(Expression<Func<T, TValue, TResult>> use, Expression<Func<T, TValue>> value)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(value);
        var row = use.Parameters[0];
        var valueBody = new Replace(value.Parameters[0], row).Within(value.Body);
        return Expression.Lambda<Func<T, TResult>>(new Replace(use.Parameters[1], valueBody).Within(use.Body), row);
    }

    private static Expression Step<TKey, TValue>(Expression key, IReadOnlyList<TKey> thresholds, IReadOnlyList<TValue> values, int first, int last)
    {
        if (first == last)
        {
            return Expression.Constant(values[first], typeof(TValue));
        }

        // values[first..middle-1] lie below thresholds[middle - 1]; values[middle..last] at or above it.
        var middle = (first + last + 1) / 2;
        return Expression.Condition(
            Expression.LessThan(key, Expression.Constant(thresholds[middle - 1], typeof(TKey))),
            Step(key, thresholds, values, first, middle - 1),
            Step(key, thresholds, values, middle, last));
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public Expression Within(Expression body) => Visit(body) ?? body;

        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
