using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Data;

/// <summary>The care model on SQL Server, for larger plans; its migrations live in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCareDbContext(DbContextOptions<SqlServerCareDbContext> options) : CareDbContext(options);
