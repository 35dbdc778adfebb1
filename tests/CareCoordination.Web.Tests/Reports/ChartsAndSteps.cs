using CareCoordination.Core.Coordination;
using CareCoordination.Web.Reports;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>The SVG chart builder and the step function that turns plan days into SQL CASE expressions.</summary>
public class ChartsAndSteps
{
    [Theory]
    [InlineData(0, 1, 4)]
    [InlineData(3, 1, 3)]
    [InlineData(4, 1, 4)]
    [InlineData(9, 5, 10)]
    [InlineData(17, 5, 20)]
    [InlineData(40, 10, 40)]
    [InlineData(123, 50, 150)]
    [InlineData(1000, 500, 1000)]
    public void The_axis_rises_in_round_steps_to_the_largest_value(int largest, int step, int max) =>
        Assert.Equal((step, max), SvgChart.Scale(largest));

    [Fact]
    public void A_line_chart_has_a_titled_accessible_svg_a_line_per_series_and_a_dot_per_value()
    {
        var svg = SvgChart.Lines("weeks", "Created & closed", "Two <series>", ["Mar 2", "Mar 9", "Mar 16"],
            [new SvgChart.Series("Created", "series-created", [1, 5, 2]), new SvgChart.Series("Closed", "series-closed", [0, 3, 4])]).ToString()!;

        Assert.StartsWith("<svg class=\"chart\" id=\"weeks\" viewBox=\"0 0 640 260\" role=\"img\" aria-labelledby=\"weeks-title weeks-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"weeks-title\">Created &amp; closed</title><desc id=\"weeks-desc\">Two &lt;series&gt;</desc>", svg, StringComparison.Ordinal);
        Assert.Equal(2, Count(svg, "<polyline class=\"chart-line"));
        Assert.Equal(6, Count(svg, "<circle class=\"chart-point"));
        Assert.Contains("<title>Closed, Mar 16: 4</title>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_chart_draws_a_bar_for_each_category_scaled_to_the_axis()
    {
        var svg = SvgChart.Columns("ages", "Ages", "Open tasks", ["0–1 days", "2–3 days"], [4, 2], "series-age").ToString()!;

        // Plot height 260 - 30 - 36 = 194: the bar of 4 reaches the axis maximum of 4, the bar of 2 half of it.
        Assert.Contains("height=\"194\"", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"97\"", svg, StringComparison.Ordinal);
        Assert.Equal(2, Count(svg, "<rect class=\"chart-bar series-age\""));
    }

    [Fact]
    public void A_stacked_bar_chart_puts_each_series_end_to_end()
    {
        var svg = SvgChart.StackedBars("open", "Open", "By rule", ["T1", "T2"],
            [new SvgChart.Series("Overdue", "series-overdue", [1, 0]), new SvgChart.Series("Not yet due", "series-open", [3, 2])]).ToString()!;

        Assert.Equal(4, Count(svg, "<rect class=\"chart-bar"));
        Assert.Contains("<title>T1, Not yet due: 3</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">4</text>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "below")]
    [InlineData(9, "below")]
    [InlineData(10, "first")]
    [InlineData(19, "first")]
    [InlineData(20, "second")]
    [InlineData(29, "second")]
    [InlineData(30, "third")]
    [InlineData(1000, "third")]
    public void A_step_function_takes_the_value_of_the_last_threshold_reached(int key, string expected)
    {
        var step = StepFunction.Over<int, int, string>(x => x, [10, 20, 30], ["below", "first", "second", "third"]).Compile();

        Assert.Equal(expected, step(key));
    }

    [Fact]
    public void A_step_function_over_a_year_of_days_stays_shallow_and_exact()
    {
        var days = Enumerable.Range(0, 366).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).ToList();
        var step = StepFunction.Over<DateOnly, DateOnly, int>(d => d, days.Skip(1).ToList(), Enumerable.Range(0, 366).ToList()).Compile();

        Assert.All(Enumerable.Range(0, 366), i => Assert.Equal(i, step(days[i])));
        Assert.Equal(0, step(new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Thresholds_must_rise_and_there_must_be_one_value_more()
    {
        Assert.Throws<ArgumentException>(() => StepFunction.Over<int, int, int>(x => x, [1, 1], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => StepFunction.Over<int, int, int>(x => x, [1, 2], [0, 1]));
    }

    [Fact]
    public void A_step_value_can_be_used_inside_another_expression()
    {
        var deadline = StepFunction.Over<CoordinationTask, DateOnly, int>(t => t.DueOn, [new DateOnly(2026, 3, 10)], [1, 2]);
        var used = StepFunction.Inline((CoordinationTask t, int value) => value * 10 + (int)t.Priority, deadline).Compile();
        var task = CoordinationTask.Open(1, null, CoordinationTrigger.PcpFinding, Priority.High, new DateOnly(2026, 3, 12), DateTime.UtcNow);

        Assert.Equal(21, used(task));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
