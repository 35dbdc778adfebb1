using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace CareCoordination.Web.Data;

/// <summary>The care model on SQL Server, for larger plans; its migrations live in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCareDbContext(DbContextOptions<SqlServerCareDbContext> options) : CareDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDbFunction(() => UnixTime.Seconds(default))
            .HasTranslation(arguments => new SqlFunctionExpression(
                "DATEDIFF_BIG",
                [new SqlFragmentExpression("second"), new SqlFragmentExpression("'1970-01-01T00:00:00'"), .. arguments],
                nullable: true,
                argumentsPropagateNullability: [false, false, true],
                typeof(long),
                typeMapping: null));
    }
}
