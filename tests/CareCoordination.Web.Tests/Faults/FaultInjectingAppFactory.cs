using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>The real app on its own SQLite file, with <see cref="Faults"/> watching every command its contexts send.</summary>
public sealed class FaultInjectingAppFactory : CareAppFactory
{
    public CommandFaults Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteCareDbContext>(options => options.AddInterceptors(Faults)));
    }
}
