using Microsoft.AspNetCore.Hosting;

namespace CareCoordination.Web.Tests.Nodes;

/// <summary>Another instance of the app on the first one's database, as a second node behind a load balancer would be.</summary>
public sealed class SecondNode(CareAppFactory first) : CareAppFactory
{
    protected override bool PrepareDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:CareCoordination", $"Data Source={first.DatabasePath}");
    }
}
