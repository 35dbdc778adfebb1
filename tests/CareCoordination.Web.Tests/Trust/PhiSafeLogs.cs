using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>A log call that passes domain objects by mistake writes their type and id, never their content.</summary>
public class PhiSafeLogs(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task Members_codes_and_notes_passed_to_a_log_call_come_out_as_type_and_id()
    {
        var member = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).FirstAsync());
        var condition = await app.WithDatabase(db => db.Conditions.FirstAsync(c => c.MemberId == member.Id));
        var note = await app.WithDatabase(db => db.ProtectedNotes.FirstAsync());
        var logger = app.Services.GetRequiredService<ILogger<PhiSafeLogs>>();

#pragma warning disable CA1848, CA2254 // the point is to log exactly as careless code would
        logger.LogWarning("Careless {Member} {Code} {Note}", member, condition.Code, note);
        logger.LogWarning("Careless destructuring {@Member} {@Condition}", member, condition);
        logger.LogWarning("Careless list {Members}", (object)new object[] { member, condition.Code });
#pragma warning restore CA1848, CA2254

        var logged = string.Join("\n", app.Logs.Rendered.Where(l => l.StartsWith("Careless", StringComparison.Ordinal)));
        Assert.Contains($"[Member #{member.Id}]", logged, StringComparison.Ordinal);
        Assert.Contains("[Icd10CmCode]", logged, StringComparison.Ordinal);
        Assert.Contains($"[ProtectedNote #{note.Id}]", logged, StringComparison.Ordinal);
        foreach (var phi in new[] { member.GivenName, member.FamilyName, member.PlanMemberId, condition.Code.Value, condition.Description, note.Text })
        {
            Assert.DoesNotContain(phi, logged, StringComparison.OrdinalIgnoreCase);
        }
    }
}
