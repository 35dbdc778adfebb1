using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace CareCoordination.Web.Data;

/// <summary>The care model on SQLite, the embedded default; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteCareDbContext(DbContextOptions<SqliteCareDbContext> options) : CareDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDbFunction(() => UnixTime.Seconds(default))
            .HasTranslation(arguments => new SqlFunctionExpression("unixepoch", arguments, nullable: true, argumentsPropagateNullability: [true], typeof(long), typeMapping: null));
    }
}
