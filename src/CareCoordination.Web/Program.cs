using System.Globalization;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Cds;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Infrastructure.Demo;
using CareCoordination.Web.Pages.Queue;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Serilog;
using Serilog.Formatting.Compact;

var (hostArgs, startupFlags) = DatabaseStartup.SplitArguments(args);
var builder = WebApplication.CreateBuilder(hostArgs);

// Each host keeps its own logger (preserveStaticLogger): nothing here logs through the static Log, and several hosts in
// one process (tests, two nodes) must not swap each other's sinks.
builder.Host.UseSerilog(preserveStaticLogger: true, configureLogger: (context, services, logger) =>
{
    PhiSafeLogging.Apply(logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services).Enrich.FromLogContext());
    // Readable lines for a developer; one JSON object per event everywhere else. More sinks (a rolling file) come from configuration.
    if (context.HostingEnvironment.IsDevelopment())
    {
        logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
    }
    else
    {
        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
    }
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services => PlanClock.From(builder.Configuration, services.GetRequiredService<TimeProvider>()));
builder.Services.AddCareDatabase();
builder.Services.AddAuditChain();
builder.Services.AddCareIdentity(builder.Environment);
// Cookies and antiforgery tokens stay readable on every node and across restarts, under a certificate outside Development.
builder.Services.AddCareDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddRazorPages(options =>
{
    // Which roles may reach each journey; MemberAccess then decides which members' records.
    options.Conventions.AuthorizeFolder("/Members", CarePolicies.ClinicalRecords);
    options.Conventions.AuthorizeFolder("/Events", CarePolicies.ClinicalRecords);
    options.Conventions.AuthorizeFolder("/Findings", CareRoles.Pcp);
    options.Conventions.AuthorizeFolder("/Labs", CarePolicies.Clinicians);
    options.Conventions.AuthorizeFolder("/Inbox", CareRoles.Pcp);
    options.Conventions.AuthorizeFolder("/Prescriptions", CareRoles.BhClinician);
    options.Conventions.AuthorizeFolder("/Assessments", CareRoles.BhClinician);
    options.Conventions.AuthorizeFolder("/Queue", CareRoles.CareManager);
    options.Conventions.AuthorizeFolder("/Releases", CarePolicies.ReleaseForms);
    options.Conventions.AuthorizeFolder("/Privacy", CareRoles.PrivacyOfficer);
    options.Conventions.AuthorizeFolder("/Admin", CareRoles.Admin);
    options.Conventions.AuthorizeFolder("/Reports", CarePolicies.Reports);
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/StatusCode");
}).AddMvcOptions(options =>
{
    options.Filters.Add<TransactionPerPostFilter>();
    options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
});
// FluentValidation validators (beside each page's command) are the one source of validation messages.
builder.Services.Configure<MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<MemberAccess>();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddScoped<SubmissionGuard>();
builder.Services.AddScoped<CoordinationRecorder>();
builder.Services.AddScoped<ProtectedContentRelease>();
builder.Services.AddScoped<Part2Reach>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddSingleton(QueueCounts.From);
builder.Services.AddCoordinationRules();
builder.Services.AddCdsHooks();
builder.Services.AddCareHealthChecks();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler("/Error");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
});
app.UseAbandonedRequests();
// Inside the request log, so a refused form is logged as its 400 and one warning, not as an exception.
app.UseRefusedRequests();
// Dates follow the browser's language; times are always the plan's time zone.
app.UseRequestLocalization(options =>
{
    string[] cultures = ["en-US", "en-GB", "en-CA", "es-US", "fr-CA"];
    options.SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
});
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseSessionCheckFailures();
app.UseAuthorization();
app.MapRazorPages();
app.MapCareHealthEndpoints();
app.MapCdsHooks();

// Load the vocabularies and the queue's settings now: a missing or malformed file or value stops start-up instead of
// failing a clinician's save or view.
app.Services.GetRequiredService<ClinicalVocabulary>();
app.Services.GetRequiredService<QueueCounts>();
await app.PrepareDatabaseAsync(startupFlags);
await app.RunAsync();
