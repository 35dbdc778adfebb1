using System.Net;
using System.Text;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// A CSV longer than one batch of rows: every row once, in order, across the batches. The fixed world gets a week of
/// starts of its own here, so it has a database of its own.
/// </summary>
public class ALongCsv(ReportAppFactory app) : IClassFixture<ReportAppFactory>
{
    [Fact]
    public async Task Late_starts_span_several_batches_each_listed_once_in_order()
    {
        const int starts = 2_345;
        var first = ReportWorld.At("2026-01-05 08:00");
        var member = app.World.Member("pA");
        var expected = await app.WithDatabase(async db =>
        {
            // Every third start is acknowledged within the hour, so on time and not listed; the rest are late.
            var events = Enumerable.Range(0, starts).Select(i =>
            {
                var at = first.AddMinutes(i);
                var flag = new CoordinationFlag
                {
                    MemberId = member, OccurredAt = at, Trigger = CoordinationTrigger.PsychotropicStartOrChange, Priority = Priority.High,
                    Reason = "New psychotropic", DueOn = new DateOnly(2026, 1, 7), ContactPath = ContactPath.PcpOffice,
                };
                if (i % 3 == 0)
                {
                    flag.MessageAcknowledged(at.AddHours(1));
                }

                return new CoordinationEvent
                {
                    MemberId = member, Kind = CoordinationEventKind.MedicationStarted, OccurredAt = at, RecordedByUserId = app.World.CareManagerId,
                    Summary = $"Started sertraline 25 mg (start {i:D4})", Flags = [flag],
                };
            }).ToList();
            db.CoordinationEvents.AddRange(events);
            await db.SaveChangesAsync();
            return events.Where((_, i) => i % 3 != 0).OrderBy(e => e.Id).Select(e => e.Summary).ToList();
        });

        var response = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Reports/PsychotropicStarts?handler=Export&Filter.From=2026-01-05&Filter.To=2026-01-09");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("member_id,member_name,started_on,medication,last_day_to_tell_pcp,communicated_on", lines[0]);
        Assert.Equal("", lines[^1]);
        var listed = lines[1..^1].Select(line => line.Split(',')[3]).ToList();
        Assert.True(expected.Count > 1_500, "more than one batch of late starts");
        Assert.Equal(expected, listed);
    }
}
