using System.Text.RegularExpressions;
using ContractRegie.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ContractRegie.Data.Dialects;

/// <summary>
/// A bulk INSERT carried out as one binary COPY: the table, its columns and the row's parameters are read from the INSERT's
/// one-row form, each value is converted as Dapper converts it (<see cref="TypeHandlers.SetValue"/>) and written as the type it
/// then has.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>
    /// How long a COPY may take to end. The server checks the foreign keys of every copied row then, so that takes as long
    /// as the rows are many: minutes for millions, over the 30 s a statement may take.
    /// </summary>
    public static readonly TimeSpan CompletionTimeout = TimeSpan.FromHours(1);

    private static readonly Regex OneRowInsert = new(@"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)\s*$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static async Task WriteAsync(NpgsqlConnection connection, string oneRowInsert, IEnumerable<object> rows)
    {
        var insert = OneRowInsert.Match(oneRowInsert);
        if (!insert.Success)
        {
            throw new ArgumentException("Not a one-row INSERT INTO t (…) VALUES (…): " + oneRowInsert, nameof(oneRowInsert));
        }
        var columns = string.Join(", ", insert.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries));
        // "@Name0": the parameter of row 0 is the row's property Name.
        var parameters = insert.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries).Select(p => p[1..^1]).ToList();
        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            return; // as an INSERT of no rows, which is never sent
        }
        var values = SqlRows.Getters(row.Current.GetType(), parameters);
        var converted = new NpgsqlParameter();
        // Only the names of the code's own INSERT constants go into the text; every value is streamed.
        await using var writer = await connection.BeginBinaryImportAsync("COPY " + insert.Groups[1].Value + " (" + columns + ") FROM STDIN (FORMAT BINARY)");
        writer.Timeout = CompletionTimeout;
        do
        {
            await writer.StartRowAsync();
            foreach (var value in values)
            {
                TypeHandlers.SetValue(converted, value(row.Current));
                if (converted.Value is DBNull)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(converted.Value!, TypeOf(converted.Value!));
                }
            }
        }
        while (row.MoveNext());
        await writer.CompleteAsync();
    }

    /// <summary>Binary COPY sends no type names: each value must go as exactly its column's type, which these CLR types map to.</summary>
    private static NpgsqlDbType TypeOf(object value) => value switch
    {
        string => NpgsqlDbType.Text,
        long => NpgsqlDbType.Bigint,
        int => NpgsqlDbType.Integer,
        bool => NpgsqlDbType.Boolean,
        DateOnly => NpgsqlDbType.Date,
        DateTime => NpgsqlDbType.Timestamp,
        decimal => NpgsqlDbType.Numeric,
        _ => throw new NotSupportedException($"No COPY type for {value.GetType().Name}."),
    };
}
