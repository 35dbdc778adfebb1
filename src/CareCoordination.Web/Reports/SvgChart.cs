using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CareCoordination.Web.Reports;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no library, no inline style (the content security policy forbids
/// both). Shapes carry presentation attributes and CSS classes from reports.css; each chart has a title and a description
/// for screen readers, and each page shows the same numbers as a table beside it.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Left = 44;
    private const int Right = 16;
    private const int Top = 30;
    private const int Bottom = 36;

    /// <summary>One line of a line chart, or one part of a stacked bar; <see cref="CssClass"/> gives it its colour.</summary>
    public sealed record Series(string Name, string CssClass, IReadOnlyList<int> Values);

    /// <summary>A line per series over the categories (weeks), with a dot at each value.</summary>
    public static IHtmlContent Lines(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int height = 260;
        var (step, max) = Scale(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, description, height);
        Legend(svg, series);
        YAxis(svg, step, max, height);
        // Inset from the axes so that the first and last labels, centred on their points, stay inside the picture.
        const int inset = 24;
        double X(int i) => categories.Count == 1 ? (Left + Width - Right) / 2d : Left + inset + (i * (double)(Width - Left - Right - (2 * inset)) / (categories.Count - 1));
        double Y(int value) => Top + ((height - Top - Bottom) * (1 - ((double)value / max)));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(categories.Count / 8d));
        for (var i = 0; i < categories.Count; i += labelEvery)
        {
            Text(svg, X(i), height - Bottom + 18, "middle", "chart-axis", categories[i]);
        }

        foreach (var line in series)
        {
            var points = string.Join(' ', line.Values.Select((value, i) => $"{Number(X(i))},{Number(Y(value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"chart-line {line.CssClass}\" points=\"{points}\"/>");
            for (var i = 0; i < line.Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"chart-point {line.CssClass}\" cx=\"{Number(X(i))}\" cy=\"{Number(Y(line.Values[i]))}\" r=\"3.5\">")
                    .Append(CultureInfo.InvariantCulture, $"<title>{Encode($"{line.Name}, {categories[i]}: {line.Values[i]}")}</title></circle>");
            }
        }

        return Close(svg);
    }

    /// <summary>A column per category: a histogram when the categories are ranges.</summary>
    public static IHtmlContent Columns(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<int> values, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        const int height = 260;
        var (step, max) = Scale(values.DefaultIfEmpty(0).Max());
        var svg = Open(id, title, description, height);
        YAxis(svg, step, max, height);
        var band = (double)(Width - Left - Right) / Math.Max(1, categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var barHeight = (height - Top - Bottom) * (double)values[i] / max;
            var x = Left + (i * band) + (band * 0.15);
            var y = height - Bottom - barHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar {cssClass}\" x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(band * 0.7)}\" height=\"{Number(barHeight)}\">")
                .Append(CultureInfo.InvariantCulture, $"<title>{Encode($"{categories[i]}: {values[i]}")}</title></rect>");
            Text(svg, x + (band * 0.35), y - 5, "middle", "chart-value", values[i].ToString(CultureInfo.CurrentCulture));
            Text(svg, Left + (i * band) + (band / 2), height - Bottom + 18, "middle", "chart-axis", categories[i]);
        }

        return Close(svg);
    }

    /// <summary>A horizontal bar per category, its series stacked end to end.</summary>
    public static IHtmlContent StackedBars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int labelWidth = 150;
        const int rowHeight = 30;
        var height = Top + (rowHeight * Math.Max(1, categories.Count)) + Bottom;
        var totals = categories.Select((_, i) => series.Sum(s => s.Values[i])).ToList();
        var (step, max) = Scale(totals.DefaultIfEmpty(0).Max());
        var svg = Open(id, title, description, height);
        Legend(svg, series);
        double X(int value) => labelWidth + ((Width - labelWidth - Right) * (double)value / max);
        for (var tick = 0; tick <= max; tick += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{Number(X(tick))}\" x2=\"{Number(X(tick))}\" y1=\"{Top}\" y2=\"{height - Bottom}\"/>");
            Text(svg, X(tick), height - Bottom + 18, "middle", "chart-axis", tick.ToString(CultureInfo.CurrentCulture));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var y = Top + (i * rowHeight) + 5;
            Text(svg, labelWidth - 8, y + 14, "end", "chart-axis", categories[i]);
            var start = 0;
            foreach (var part in series)
            {
                var value = part.Values[i];
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar {part.CssClass}\" x=\"{Number(X(start))}\" y=\"{y}\" width=\"{Number(X(start + value) - X(start))}\" height=\"{rowHeight - 10}\">")
                    .Append(CultureInfo.InvariantCulture, $"<title>{Encode($"{categories[i]}, {part.Name}: {value}")}</title></rect>");
                start += value;
            }

            Text(svg, X(start) + 6, y + 14, "start", "chart-value", totals[i].ToString(CultureInfo.CurrentCulture));
        }

        return Close(svg);
    }

    /// <summary>A round step for the gridlines (1, 2 or 5 times a power of ten) and the axis maximum it reaches.</summary>
    public static (int Step, int Max) Scale(int largest)
    {
        if (largest <= 0)
        {
            return (1, 4);
        }

        var raw = largest / 4d;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Math.Max(1, (int)((raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 } * magnitude));
        return (step, (int)Math.Ceiling((double)largest / step) * step);
    }

    private static StringBuilder Open(string id, string title, string description, int height) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{Encode(id)}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">")
        .Append(CultureInfo.InvariantCulture, $"<title id=\"{Encode(id)}-title\">{Encode(title)}</title><desc id=\"{Encode(id)}-desc\">{Encode(description)}</desc>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void YAxis(StringBuilder svg, int step, int max, int height)
    {
        for (var tick = 0; tick <= max; tick += step)
        {
            var y = Top + ((height - Top - Bottom) * (1 - ((double)tick / max)));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Number(y)}\" y2=\"{Number(y)}\"/>");
            Text(svg, Left - 6, y + 4, "end", "chart-axis", tick.ToString(CultureInfo.CurrentCulture));
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<Series> series)
    {
        var x = (double)Left;
        foreach (var item in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-key {item.CssClass}\" x=\"{Number(x)}\" y=\"8\" width=\"12\" height=\"12\"/>");
            Text(svg, x + 17, 18, "start", "chart-axis", item.Name);
            x += 30 + (item.Name.Length * 7);
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string cssClass, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{cssClass}\" x=\"{Number(x)}\" y=\"{Number(y)}\" text-anchor=\"{anchor}\">{Encode(text)}</text>");

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
