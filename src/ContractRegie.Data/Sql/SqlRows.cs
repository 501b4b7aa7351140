using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using ContractRegie.Data.Dialects;
using Dapper;

namespace ContractRegie.Data.Sql;

/// <summary>
/// Statements over several rows at once: a multi-row INSERT, an IN list and repeated per-row statements, their parameters named by field and row
/// (@Kind0, @Kind1 …), so a batch costs one round trip. Only row numbers go into the text; every value is a parameter.
/// </summary>
public static class SqlRows
{
    /// <summary><paramref name="head"/> ("INSERT INTO t (a, b) VALUES") followed by <paramref name="rows"/> rows of the named parameters.</summary>
    public static string Values(string head, IReadOnlyList<string> parameters, int rows) =>
        head + "\n" + string.Join(",\n", Enumerable.Range(0, rows).Select(row => "(" + string.Join(", ", parameters.Select(p => "@" + Name(p, row))) + ")"));

    /// <summary>
    /// <paramref name="insert"/>, a single-row "INSERT INTO t (a, b) VALUES (@A, @B)", as one INSERT of <paramref name="rows"/> rows
    /// (@A0, @B0), (@A1, @B1) …: the bulk form of a statement written once.
    /// </summary>
    public static string InsertRows(string insert, int rows)
    {
        var end = insert.LastIndexOf(ValuesKeyword, StringComparison.Ordinal) + ValuesKeyword.Length;
        var row = insert[end..].Trim();
        return insert[..end] + "\n" + string.Join(",\n", Enumerable.Range(0, rows).Select(r => ParameterName.Replace(row, match => "@" + Name(match.Groups[1].Value, r))));
    }

    private const string ValuesKeyword = "VALUES";

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
    /// The rows of a query over an IN list of <paramref name="keys"/>, the engine's <see cref="ISqlDialect.KeysPerList"/> keys per query, in the
    /// caller's transaction; <paramref name="sql"/> builds the statement for a list of n keys named <paramref name="name"/>.
    /// </summary>
    public static async Task<List<T>> QueryInListsAsync<T, TKey>(
        ISqlDialect dialect, DbTransaction transaction, Func<int, string> sql, string name, IEnumerable<TKey> keys)
    {
        var rows = new List<T>();
        foreach (var chunk in keys.Chunk(dialect.KeysPerList))
        {
            rows.AddRange(await transaction.Connection!.QueryAsync<T>(sql(chunk.Length), BindList(name, chunk), transaction));
        }
        return rows;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (an UPDATE or DELETE over an IN list of n keys named <paramref name="name"/>) for
    /// <paramref name="keys"/>, the engine's <see cref="ISqlDialect.KeysPerList"/> keys per statement, in the caller's transaction;
    /// <paramref name="with"/> holds the statement's other parameters.
    /// </summary>
    public static async Task ExecuteInListsAsync<TKey>(
        ISqlDialect dialect, DbTransaction transaction, Func<int, string> sql, string name, IEnumerable<TKey> keys, object? with = null)
    {
        foreach (var chunk in keys.Chunk(dialect.KeysPerList))
        {
            await transaction.Connection!.ExecuteAsync(sql(chunk.Length), BindList(name, chunk, new DynamicParameters(with)), transaction);
        }
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (objects whose properties are named like the statement's parameters) in the caller's
    /// transaction, <paramref name="batchRows"/> per INSERT, through one command built by <paramref name="sql"/> (a multi-row INSERT
    /// with row-numbered parameters, e.g. <see cref="InsertRows(string, int)"/>) that is made once and refilled per batch, as the spending
    /// import's line writer does: no SQL is built or parsed again, and SQLite reuses the command's compiled statement. Values are
    /// set as Dapper sets them (<see cref="TypeHandlers.SetValue"/>).
    /// </summary>
    public static async Task InsertBatchesAsync(DbTransaction transaction, Func<int, string> sql, int batchRows, IEnumerable<object> rows)
    {
        DbCommand? full = null;
        Func<object, object?>[]? columns = null;
        try
        {
            foreach (var batch in rows.Chunk(batchRows))
            {
                var command = batch.Length == batchRows ? full ??= Command(transaction, sql(batchRows)) : Command(transaction, sql(batch.Length));
                try
                {
                    columns ??= Columns(command, batch);
                    for (var i = 0; i < command.Parameters.Count; i++)
                    {
                        TypeHandlers.SetValue(command.Parameters[i], columns[i % columns.Length](batch[i / columns.Length]));
                    }
                    await command.ExecuteNonQueryAsync();
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>A command whose parameters are those of its text, in order: row 0's, then row 1's ….</summary>
    private static DbCommand Command(DbTransaction transaction, string text)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (Match match in ParameterName.Matches(text))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = match.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>How a row gives each of its parameters: row 0's parameter @Name0 is the row's property Name.</summary>
    private static Func<object, object?>[] Columns(DbCommand command, object[] batch) =>
        Getters(batch[0].GetType(), Enumerable.Range(0, command.Parameters.Count / batch.Length).Select(i => command.Parameters[i].ParameterName[1..^1]));

    /// <summary>The getters of the properties <paramref name="names"/> of <paramref name="type"/>, in that order.</summary>
    internal static Func<object, object?>[] Getters(Type type, IEnumerable<string> names) =>
        names.Select(name => (Func<object, object?>)(type.GetProperty(name)
            ?? throw new InvalidOperationException(type.Name + " has no " + name + " for the INSERT's parameter @" + name + ".")).GetValue).ToArray();

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
