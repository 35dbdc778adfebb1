using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Performance;

/// <summary>The real app with <see cref="Commands"/> counting every SQL command its contexts send.</summary>
public sealed class CountingAppFactory : CareAppFactory
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteCareDbContext>(options => options.AddInterceptors(Commands)));
    }
}
