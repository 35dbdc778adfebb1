using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>A care manager works the queue: finds unassigned work, claims the urgent task, logs a call and completes it.</summary>
public partial class CareManagerQueueJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_care_manager_claims_an_unassigned_task_logs_a_call_and_completes_it()
    {
        var page = await browser.SignedInPage("cm@demo.test");

        await page.GotoAsync("/Queue");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coordination queue", Exact = true })).ToBeVisibleAsync();
        var unassignedChip = await page.Locator(".stat", new() { HasText = "unassigned" }).Locator(".stat-value").InnerTextAsync();

        // Only the tasks nobody holds yet.
        await page.GetByLabel("Assigned to", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Unassigned" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(AssignedUnassigned());
        var rows = page.Locator("table.queue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(int.Parse(unassignedChip, System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{unassignedChip} tasks" })).ToBeVisibleAsync();
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("unassigned");
        }

        await Assertions.Expect(page.Locator("tr.overdue").First).ToContainTextAsync("overdue");
        await BrowserFixture.Screenshot(page, "queue");

        // The urgent PCP finding: open it.
        var urgent = rows.Filter(new() { HasText = "PCP-FINDING" });
        await Assertions.Expect(urgent).ToContainTextAsync("Urgent");
        var member = await urgent.GetByRole(AriaRole.Link).InnerTextAsync();
        await urgent.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why this task" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(member);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("unassigned");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Possible suicidal ideation: act today" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Claim this task" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Jordan Ellis");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("in progress");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Task · Claimed");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Claim this task" })).ToHaveCountAsync(0);

        await page.GetByLabel("Contact method", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Phone" });
        await page.GetByLabel("Result", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Reached" });
        await page.GetByLabel("Next step", new() { Exact = true }).FillAsync("BH Provider Services to call the member today; confirm by 5 pm");
        await page.GetByLabel("Note (optional)").FillAsync("Spoke with the intake coordinator; crisis resources given to the member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact attempt" }).ClickAsync();
        var latest = page.Locator(".timeline li").First;
        await Assertions.Expect(latest).ToContainTextAsync("Contact attempt, phone: reached");
        await Assertions.Expect(latest).ToContainTextAsync("Next step: BH Provider Services to call the member today; confirm by 5 pm");
        await Assertions.Expect(latest).ToContainTextAsync("by Jordan Ellis");
        await BrowserFixture.Screenshot(page, "queue-task");

        await page.GetByLabel("Outcome", new() { Exact = true }).FillAsync("Member seen by BH Provider Services the same day; safety plan in place");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Outcome: Member seen by BH Provider Services the same day; safety plan in place");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen task" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Possible suicidal ideation: act today" })).ToHaveCountAsync(0);

        // Back in the queue, the task has left the unassigned open work.
        await page.GotoAsync("/Queue?assigned=Unassigned");
        await Assertions.Expect(page.Locator("table.queue tbody tr").Filter(new() { HasText = "PCP-FINDING" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("assigned=Unassigned")]
    private static partial Regex AssignedUnassigned();
}
