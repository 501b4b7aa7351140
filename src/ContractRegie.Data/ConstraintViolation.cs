using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractRegie.Data;

/// <summary>Recognises a unique or foreign-key violation on each engine, so a race the pre-checks missed is a conflict, not a crash.</summary>
public static class ConstraintViolation
{
    private const int SqliteConstraint = 19;
    private static readonly int[] SqlServerConstraintErrors = [2601, 2627, 547];

    public static bool Is(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        SqlException sqlServer => SqlServerConstraintErrors.Contains(sqlServer.Number),
        _ => false,
    };
}
