using System.Globalization;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Cds;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Infrastructure.Demo;
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
    logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
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
builder.Services.AddCareIdentity(builder.Environment);
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Members", CarePolicies.ClinicalRecords);
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/StatusCode");
});
// FluentValidation validators (beside each page's command) are the one source of validation messages.
builder.Services.Configure<MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<MemberAccess>();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddCoordinationRules();
builder.Services.AddCdsHooks();
builder.Services.AddCareHealthChecks();

var app = builder.Build();

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
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapCareHealthEndpoints();
app.MapCdsHooks();

// Load the vocabularies now: a missing or malformed file stops start-up instead of failing a clinician's save.
app.Services.GetRequiredService<CoordinationRules>();
await app.PrepareDatabaseAsync(startupFlags);
await app.RunAsync();
