using CareCoordination.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.DataGenerator.Storage;

/// <summary>The app's own schema: a new SQLite file brought up to date with the app's SQLite migrations.</summary>
internal static class Schema
{
    public static async Task CreateAsync(string path, bool overwrite, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            if (!overwrite)
            {
                throw new InvalidOperationException($"{path} already exists; pass --overwrite to replace it.");
            }

            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                File.Delete(file);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteCareDbContext>().UseSqlite(ConnectionString(path)).Options;
        await using var db = new SqliteCareDbContext(options);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
}
