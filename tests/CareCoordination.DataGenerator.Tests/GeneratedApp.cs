using CareCoordination.Web.Tests;
using Microsoft.AspNetCore.Hosting;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>The real app on a generated database, as it would run for a benchmark: no migrations, no demo seeding.</summary>
public sealed class GeneratedApp(string databasePath) : CareAppFactory
{
    protected override bool PrepareDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:CareCoordination", $"Data Source={databasePath}");
    }
}
