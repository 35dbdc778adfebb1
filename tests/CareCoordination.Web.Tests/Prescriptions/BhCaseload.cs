using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Prescriptions;

/// <summary>Arranging and reading what Dr. Whitfield (bh@demo.test, a prescribing psychiatrist) works with in the demo plan.</summary>
internal static class BhCaseload
{
    /// <summary>A psychologist's account (Dr. Hannah Lowe in the demo directory): a BH clinician without prescriptive authority.</summary>
    public const string Psychologist = "lowe@demo.test";

    public static Task<int> WhitfieldAsync(this CareAppFactory app) => app.WithDatabase(db => MemberRecordAccess.ProviderOf(db, Browsing.Bh));

    /// <summary>A member Dr. Whitfield is actively treating, the first (after <paramref name="skip"/>) that matches <paramref name="where"/>.</summary>
    public static async Task<int> CaseloadMemberAsync(this CareAppFactory app, Func<CareDbContext, Expression<Func<Member, bool>>>? where = null, int skip = 0, bool newestFirst = false)
    {
        var whitfield = await app.WhitfieldAsync();
        return await app.WithDatabase(db =>
        {
            var members = db.Members
                .Where(m => db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null))
                .Where(where?.Invoke(db) ?? (_ => true));
            return (newestFirst ? members.OrderByDescending(m => m.Id) : members.OrderBy(m => m.Id)).Skip(skip).Select(m => m.Id).FirstAsync();
        });
    }

    public static Func<CareDbContext, Expression<Func<Member, bool>>> Taking(string atcCode) =>
        db => m => db.MedicationOrders.Any(o => o.MemberId == m.Id && o.StopOn == null && o.AtcCode == atcCode);

    public static Func<CareDbContext, Expression<Func<Member, bool>>> NotTaking(string atcCode) =>
        db => m => !db.MedicationOrders.Any(o => o.MemberId == m.Id && o.StopOn == null && o.AtcCode == atcCode);

    public static Func<CareDbContext, Expression<Func<Member, bool>>> WithActive(string code)
    {
        var parsed = Icd10CmCode.Parse(code);
        return db => m => db.Conditions.Any(c => c.MemberId == m.Id && c.Code == parsed && c.Status == ConditionStatus.Active);
    }

    public static Func<CareDbContext, Expression<Func<Member, bool>>> Without(string code)
    {
        var parsed = Icd10CmCode.Parse(code);
        return db => m => !db.Conditions.Any(c => c.MemberId == m.Id && c.Code == parsed);
    }

    /// <summary>A member no BH practitioner has seen, who starts with Dr. Whitfield today: new to him.</summary>
    public static async Task<int> NewPatientTodayAsync(this CareAppFactory app, int skip = 0)
    {
        var whitfield = await app.WhitfieldAsync();
        return await app.WithDatabase(async db =>
        {
            var memberId = await db.Members.Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id))
                .OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
            var today = app.Services.GetRequiredService<PlanClock>().Today;
            db.CareRelationships.Add(new CareRelationship { MemberId = memberId, ProviderId = whitfield, StartOn = today });
            await db.SaveChangesAsync();
            return memberId;
        });
    }

    /// <summary>Puts an order on the member's list, prescribed by Dr. Whitfield two months ago.</summary>
    public static async Task<int> PrescribedAsync(this CareAppFactory app, int memberId, string drug, string atc, decimal dose, MedicationFrequency frequency)
    {
        var whitfield = await app.WhitfieldAsync();
        var today = app.Services.GetRequiredService<PlanClock>().Today;
        return await app.WithDatabase(async db =>
        {
            var order = new MedicationOrder
            {
                MemberId = memberId,
                DrugName = drug,
                AtcCode = atc,
                Dose = dose,
                DoseUnit = "mg",
                Frequency = frequency,
                StartOn = today.AddDays(-60),
                PrescriberId = whitfield,
            };
            db.MedicationOrders.Add(order);
            await db.SaveChangesAsync();
            return order.Id;
        });
    }

    /// <summary>Signs in as a psychologist on the care team of <paramref name="memberId"/> (the account is made on first use).</summary>
    public static async Task<HttpClient> SignedInAsPsychologistTreating(this CareAppFactory app, int memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDbContext>();
        var lowe = await db.Providers.Where(p => p.FamilyName == "Lowe").Select(p => new { p.Id, p.CanPrescribe }).SingleAsync();
        Assert.False(lowe.CanPrescribe);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        if (await users.FindByEmailAsync(Psychologist) is null)
        {
            var user = new CareUser { UserName = Psychologist, Email = Psychologist, EmailConfirmed = true, DisplayName = "Dr. Hannah Lowe", ProviderId = lowe.Id };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, CareRoles.BhClinician)).Succeeded);
        }

        if (!await db.CareRelationships.AnyAsync(r => r.MemberId == memberId && r.ProviderId == lowe.Id && r.EndOn == null))
        {
            db.CareRelationships.Add(new CareRelationship { MemberId = memberId, ProviderId = lowe.Id, StartOn = scope.ServiceProvider.GetRequiredService<PlanClock>().Today.AddDays(-30) });
            await db.SaveChangesAsync();
        }

        return await app.SignedInAs(Psychologist);
    }

    /// <summary>The event a save redirected to; fails unless it redirected to the member's event page.</summary>
    public static int EventId(HttpResponseMessage response, int memberId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches($"^/Members/{memberId}/Events/\\d+$", location);
        return int.Parse(location[(location.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    public static Task<List<CoordinationFlag>> FlagsAsync(this CareAppFactory app, int eventId) =>
        app.WithDatabase(db => db.CoordinationFlags.Where(f => f.EventId == eventId).OrderBy(f => f.Id).ToListAsync());

    /// <summary>The message the member's PCP received about the event, if any.</summary>
    public static Task<InboxMessage?> MessageToPcpAsync(this CareAppFactory app, int eventId) => app.WithDatabase(db =>
        db.InboxMessages.Where(m => m.EventId == eventId && db.Members.Any(x => x.Id == m.MemberId && x.PcpId == m.RecipientProviderId)).SingleOrDefaultAsync());

    /// <summary>Whether the response sent a person to the access-denied page.</summary>
    public static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
