using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace ContractRegie.Data.Sql;

/// <summary>
/// Statements over several rows at once: a multi-row INSERT, an IN list and repeated per-row statements, their parameters named by field and row
/// (@Kind0, @Kind1 …), so a batch costs one round trip. Only row numbers go into the text; every value is a parameter.
/// </summary>
public static class SqlRows
{
    /// <summary>Keys or ids per IN list: well under SQL Server's 2,100 parameters.</summary>
    public const int KeysPerList = 64;

    /// <summary><paramref name="head"/> ("INSERT INTO t (a, b) VALUES") followed by <paramref name="rows"/> rows of the named parameters.</summary>
    public static string Values(string head, IReadOnlyList<string> parameters, int rows) =>
        head + "\n" + string.Join(",\n", Enumerable.Range(0, rows).Select(row => "(" + string.Join(", ", parameters.Select(p => "@" + Name(p, row))) + ")"));

    /// <summary>
    /// <paramref name="rows"/> copies of <paramref name="statement"/> in one batch, each with its parameters numbered by row
    /// (@Id0 in the first, @Id1 in the second …): per-row updates that cost one round trip.
    /// </summary>
    public static string Statements(string statement, int rows) =>
        string.Join(";\n", Enumerable.Range(0, rows).Select(row => ParameterName.Replace(statement, match => "@" + Name(match.Groups[1].Value, row))));

    /// <summary>"@Name0, @Name1 …" for an IN list of <paramref name="count"/> values.</summary>
    public static string List(string name, int count) => string.Join(", ", Enumerable.Range(0, count).Select(row => "@" + Name(name, row)));

    /// <summary>The parameters of <paramref name="rows"/>, each an object whose properties are named like the statement's parameters.</summary>
    public static DynamicParameters Bind(IEnumerable<object> rows)
    {
        var parameters = new DynamicParameters();
        var row = 0;
        foreach (var values in rows)
        {
            foreach (var property in values.GetType().GetProperties())
            {
                parameters.Add(Name(property.Name, row), property.GetValue(values));
            }
            row++;
        }
        return parameters;
    }

    /// <summary>
    /// The rows of a query over an IN list of <paramref name="keys"/>, <see cref="KeysPerList"/> keys per query, in the
    /// caller's transaction; <paramref name="sql"/> builds the statement for a list of n keys named <paramref name="name"/>.
    /// </summary>
    public static Task<List<T>> QueryInListsAsync<T, TKey>(DbTransaction transaction, Func<int, string> sql, string name, IEnumerable<TKey> keys) =>
        QueryInListsAsync<T, TKey>(transaction.Connection!, transaction, sql, name, keys);

    /// <inheritdoc cref="QueryInListsAsync{T, TKey}(DbTransaction, Func{int, string}, string, IEnumerable{TKey})"/>
    public static async Task<List<T>> QueryInListsAsync<T, TKey>(
        DbConnection connection, DbTransaction? transaction, Func<int, string> sql, string name, IEnumerable<TKey> keys)
    {
        var rows = new List<T>();
        foreach (var chunk in keys.Chunk(KeysPerList))
        {
            rows.AddRange(await connection.QueryAsync<T>(sql(chunk.Length), BindList(name, chunk), transaction));
        }
        return rows;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (an UPDATE or DELETE over an IN list of n keys named <paramref name="name"/>) for
    /// <paramref name="keys"/>, <see cref="KeysPerList"/> keys per statement, in the caller's transaction; <paramref name="with"/>
    /// holds the statement's other parameters.
    /// </summary>
    public static async Task ExecuteInListsAsync<TKey>(DbTransaction transaction, Func<int, string> sql, string name, IEnumerable<TKey> keys, object? with = null)
    {
        foreach (var chunk in keys.Chunk(KeysPerList))
        {
            await transaction.Connection!.ExecuteAsync(sql(chunk.Length), BindList(name, chunk, new DynamicParameters(with)), transaction);
        }
    }

    /// <summary>The parameters of an IN list built by <see cref="List"/>.</summary>
    public static DynamicParameters BindList<T>(string name, IEnumerable<T> values, DynamicParameters? parameters = null)
    {
        parameters ??= new DynamicParameters();
        var row = 0;
        foreach (var value in values)
        {
            parameters.Add(Name(name, row++), value);
        }
        return parameters;
    }

    private static readonly Regex ParameterName = new(@"@(\w+)", RegexOptions.CultureInvariant);

    private static string Name(string name, int row) => name + row.ToString(CultureInfo.InvariantCulture);
}
