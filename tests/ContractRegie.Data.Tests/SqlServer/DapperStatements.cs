using System.Reflection;
using ContractRegie.Data.Dialects;

namespace ContractRegie.Data.Tests.SqlServer;

/// <summary>How a piece of SQL is checked: as a batch of statements, as a WHERE condition, or as part of other SQL.</summary>
public enum SqlKind { Statement, Condition, OrderBySuffix, Fragment }

public sealed record SqlPiece(string Name, string Text, SqlKind Kind, bool IsPublic = true)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every SQL text the Data layer can send to SQL Server, in its SQL Server form: the constants of the Sql classes
/// (found by reflection, so a new one is covered without touching the test), the SQL Server dialect's members,
/// and the statements composed at run time with every filter set and with none.
/// </summary>
public static class DapperStatements
{
    private static readonly string[] StatementKeywords = ["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH"];
    private static readonly Assembly DataAssembly = typeof(Database).Assembly;

    public static IReadOnlyList<SqlPiece> All()
    {
        var constants = Constants();
        var dialect = DialectMembers();
        var composed = Composed(constants);
        return [.. constants, .. dialect, .. composed];
    }

    /// <summary>Every <c>const string</c> (public or private) of every type in ContractRegie.Data.Sql*.</summary>
    public static IReadOnlyList<SqlPiece> Constants() =>
        DataAssembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("ContractRegie.Data.Sql", StringComparison.Ordinal) == true)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field is { IsLiteral: true, IsInitOnly: false } && field.FieldType == typeof(string))
                .Select(field => Classify(type.Name + "." + field.Name, (string)field.GetRawConstantValue()!, field.IsPublic)))
            .OrderBy(piece => piece.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every string property of <see cref="SqlServerDialect"/>.</summary>
    public static IReadOnlyList<SqlPiece> DialectMembers()
    {
        var dialect = new SqlServerDialect();
        return typeof(SqlServerDialect).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType == typeof(string))
            .Select(property =>
            {
                var name = nameof(SqlServerDialect) + "." + property.Name;
                var text = (string)property.GetValue(dialect)!;
                // Paging is documented to follow an ORDER BY; anything else must be a statement of its own.
                return property.Name == nameof(ISqlDialect.Paging)
                    ? new SqlPiece(name, text, SqlKind.OrderBySuffix)
                    : new SqlPiece(name, text, SqlKind.Statement);
            })
            .ToList();
    }

    /// <summary>
    /// The statements built at run time, found by reflection like the constants: every public static method of the Sql
    /// classes that returns a string and takes only a dialect, filters, enums, flags and counts (never a string: values travel
    /// as parameters), called with every filter set and with none; and the insert-returning-id batches.
    /// </summary>
    public static IReadOnlyList<SqlPiece> Composed(IReadOnlyList<SqlPiece> constants)
    {
        ISqlDialect dialect = new SqlServerDialect();
        var pieces = SqlTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(method => method.ReturnType == typeof(string) && method.GetParameters().All(p => IsBuilderArgument(p.ParameterType)))
                .SelectMany(method => Invocations(method, dialect)))
            .OrderBy(piece => piece.Name, StringComparer.Ordinal)
            .ToList();
        // The repositories send "INSERT ...;\n" + SelectInsertedId as one batch; every INSERT constant is checked that way.
        pieces.AddRange(constants
            .Where(piece => piece is { IsPublic: true, Kind: SqlKind.Statement }
                            && piece.Text.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            .Select(piece => new SqlPiece(piece.Name + " + SelectInsertedId", piece.Text + ";\n" + dialect.SelectInsertedId, SqlKind.Statement)));
        return pieces;
    }

    private static IEnumerable<Type> SqlTypes() =>
        DataAssembly.GetTypes().Where(type => type.Namespace?.StartsWith("ContractRegie.Data.Sql", StringComparison.Ordinal) == true);

    private static bool IsBuilderArgument(Type type) =>
        type == typeof(ISqlDialect) || type == typeof(int) || type == typeof(bool) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum
        || (type.Assembly == DataAssembly && type.Name.EndsWith("Filter", StringComparison.Ordinal));

    /// <summary>One call per combination of each argument's cases (a filter with all fields set and with none, every enum value).</summary>
    private static IEnumerable<SqlPiece> Invocations(MethodInfo method, ISqlDialect dialect)
    {
        IEnumerable<(string Label, object? Value)[]> combinations = [[]];
        foreach (var parameter in method.GetParameters())
        {
            var cases = Cases(parameter.ParameterType, dialect);
            combinations = combinations.SelectMany(combination => cases.Select(c => (combination.Append(c).ToArray())));
        }
        foreach (var combination in combinations)
        {
            var labels = combination.Select(c => c.Label).Where(label => label.Length > 0);
            var text = (string)method.Invoke(null, combination.Select(c => c.Value).ToArray())!;
            yield return Classify($"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", labels)})", text, isPublic: true);
        }
    }

    private static IReadOnlyList<(string Label, object? Value)> Cases(Type type, ISqlDialect dialect)
    {
        if (type == typeof(ISqlDialect))
        {
            return [("", dialect)];
        }
        if (type == typeof(int))
        {
            return [("1", 1), ("batch", dialect.BulkInsertRows)];
        }
        if (type == typeof(bool))
        {
            return [("false", false), ("true", true)];
        }
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum)
        {
            var values = Enum.GetValues(Nullable.GetUnderlyingType(type) ?? type).Cast<object>().Select(v => (Label: v.ToString()!, Value: (object?)v)).ToList();
            return Nullable.GetUnderlyingType(type) is null ? values : [.. values, ("none", null)];
        }
        return [("all filters", Filter(type, allSet: true)), ("no filter", Filter(type, allSet: false))];
    }

    /// <summary>A filter record with every field at its default, or with every field set to a sample value.</summary>
    private static object Filter(Type type, bool allSet)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var filter = constructor.Invoke(constructor.GetParameters()
            .Select(p => allSet ? Sample(p.ParameterType) : p.HasDefaultValue ? p.DefaultValue : Default(p.ParameterType)).ToArray());
        if (allSet)
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetValue(filter) is null))
            {
                property.SetValue(filter, Sample(property.PropertyType));
            }
        }
        return filter;
    }

    private static object? Default(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

    private static object Sample(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "x",
            _ when underlying == typeof(int) => 2025,
            _ when underlying == typeof(long) => 1L,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateOnly) => new DateOnly(2026, 1, 1),
            _ when underlying == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
            _ when underlying.IsEnum => Enum.GetValues(underlying).GetValue(0)!,
            _ => throw new InvalidOperationException($"No sample value for a filter field of type {type}; add one here."),
        };
    }

    private static SqlPiece Classify(string name, string text, bool isPublic)
    {
        var start = text.TrimStart();
        if (StatementKeywords.Any(keyword => start.StartsWith(keyword + " ", StringComparison.OrdinalIgnoreCase)
                                             || start.StartsWith(keyword + "\n", StringComparison.OrdinalIgnoreCase)))
        {
            return new SqlPiece(name, text, SqlKind.Statement, isPublic);
        }
        // Search conditions are named Where…: SqlWhere joins them into a WHERE clause.
        if (name.Split('.')[^1].StartsWith("Where", StringComparison.Ordinal))
        {
            return new SqlPiece(name, text, SqlKind.Condition, isPublic);
        }
        return new SqlPiece(name, text, SqlKind.Fragment, isPublic);
    }
}
