using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>A care manager opens the coordination dashboard: its charts are drawn, each beside a table of the same numbers.</summary>
public class DashboardJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_care_manager_reads_the_dashboard_charts_and_their_tables_then_opens_a_report()
    {
        var page = await browser.SignedInPage("cm@demo.test");
        var refusedByPolicy = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refusedByPolicy.Add(message.Text);
            }
        };

        await page.GotoAsync("/Reports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coordination dashboard", Exact = true })).ToBeVisibleAsync();

        // Three server-drawn charts, each an image with a name, and each with its table.
        await Assertions.Expect(page.Locator("svg.chart")).ToHaveCountAsync(3);
        foreach (var name in new[] { "Open tasks by rule", "Tasks created and closed per week", "Open tasks by days waiting" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = name })).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("svg#chart-open rect.chart-bar").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#chart-weeks polyline.chart-line")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#table-weeks tbody tr")).ToHaveCountAsync(13);
        await Assertions.Expect(page.Locator("#table-ages tbody tr")).ToHaveCountAsync(6);

        // The open queue's total reads the same in the key numbers, the table and the histogram's table.
        var open = await page.Locator(".stat", new() { HasText = "open tasks now" }).Locator(".stat-value").InnerTextAsync();
        Assert.NotEqual("0", open);
        await Assertions.Expect(page.Locator("#table-open tfoot td").Nth(3)).ToHaveTextAsync(open);
        var ages = await page.Locator("#table-ages tbody td").AllInnerTextsAsync();
        Assert.Equal(int.Parse(open, System.Globalization.CultureInfo.CurrentCulture), ages.Sum(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)));

        // The charts take their colours from reports.css, not from inline styles.
        var fill = await page.Locator("svg#chart-ages rect.chart-bar").First.EvaluateAsync<string>("bar => getComputedStyle(bar).fill");
        Assert.Equal("rgb(15, 94, 122)", fill);
        Assert.Empty(refusedByPolicy);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Exchange of information" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exchange of information", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#table-exchange tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
