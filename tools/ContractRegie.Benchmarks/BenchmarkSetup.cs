using System.Globalization;
using ContractRegie.Data;

namespace ContractRegie.Benchmarks;

/// <summary>What the benchmarks share: their options and the database they run on.</summary>
internal static class BenchmarkSetup
{
    /// <summary>PostgreSQL when a connection string is given, else a SQLite file <paramref name="sqliteFile"/> in the run's scratch folder.</summary>
    public static DatabaseOptions Database(string? postgres, string sqliteFile) => postgres is null
        ? new DatabaseOptions { Provider = nameof(DatabaseEngine.Sqlite), ConnectionString = "Data Source=" + sqliteFile }
        : new DatabaseOptions { Provider = nameof(DatabaseEngine.Postgres), ConnectionString = postgres };

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int? IntOption(string[] args, string name) =>
        Option(args, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
