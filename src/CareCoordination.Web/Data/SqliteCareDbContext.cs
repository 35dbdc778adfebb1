using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Data;

/// <summary>The care model on SQLite, the embedded default; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteCareDbContext(DbContextOptions<SqliteCareDbContext> options) : CareDbContext(options);
