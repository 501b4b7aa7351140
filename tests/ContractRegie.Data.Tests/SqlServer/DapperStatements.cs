using ContractRegie.Core.Signals;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Sql.Notifications;
using ContractRegie.Data.Sql.Signals;
using ContractRegie.Data.Sql.Audit;
using System.Reflection;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Sql.Contracts;
using ContractRegie.Data.Sql.Providers;
using ContractRegie.Data.Sql.Spending;
using ContractRegie.Data.Spending;
using ContractRegie.Core.Spending;

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

    /// <summary>The statements built at run time, with every filter set and with none, and the insert-returning-id batches.</summary>
    public static IReadOnlyList<SqlPiece> Composed(IReadOnlyList<SqlPiece> constants)
    {
        ISqlDialect dialect = new SqlServerDialect();
        var allProviderFilters = new ProviderFilter(Text: "x", Active: true, OzjtTop16: true, ContractManager: "x");
        var noProviderFilters = new ProviderFilter();
        var allSignalFilters = new SignalFilter(SignalKind.DecisionDue, SignalStatus.Open, SignalSeverity.High, "x", "contract", 1, Unresolved: true);
        var allAuditFilters = new AuditFilter("contract", "1", "x", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var allContractFilters = new ContractFilter
        {
            Kind = ContractKind.Lokaal,
            Law = Law.Wmo,
            Status = ContractStatus.Actief,
            ProviderId = 1,
            ContractManager = "x",
            Text = "x",
            DecisionDueBefore = new DateOnly(2026, 1, 1),
            EndsBefore = new DateOnly(2026, 1, 1),
        };
        var noContractFilters = new ContractFilter();
        var allExceptionFilters = new SpendingExceptionFilter(SpendingExceptionKind.NoMatchingContract, 1, "x", 2025, 1);

        var pieces = new List<SqlPiece>
        {
            new("ProviderSql.Search(all filters)", ProviderSql.Search(dialect, allProviderFilters), SqlKind.Statement),
            new("ProviderSql.Search(no filter)", ProviderSql.Search(dialect, noProviderFilters), SqlKind.Statement),
            new("ProviderSql.Count(all filters)", ProviderSql.Count(allProviderFilters), SqlKind.Statement),
            new("ProviderSql.Count(no filter)", ProviderSql.Count(noProviderFilters), SqlKind.Statement),
            new("AuditSql.Search(all filters)", AuditSql.Search(dialect, allAuditFilters), SqlKind.Statement),
            new("AuditSql.Count(no filter)", AuditSql.Count(new AuditFilter()), SqlKind.Statement),
            new("SignalSql.Search(all filters)", SignalSql.Search(dialect, allSignalFilters), SqlKind.Statement),
            new("SignalSql.Count(all filters)", SignalSql.Count(allSignalFilters), SqlKind.Statement),
            new("NotificationSql.Search(queued)", NotificationSql.Search(dialect, NotificationState.Queued), SqlKind.Statement),
            new("NotificationSql.Count(failed)", NotificationSql.Count(NotificationState.Failed), SqlKind.Statement),
            new("NotificationSql.Count(sent)", NotificationSql.Count(NotificationState.Sent), SqlKind.Statement),
            new("ContractSql.Search(all filters)", ContractSql.Search(allContractFilters), SqlKind.Statement),
            new("ContractSql.Search(no filter)", ContractSql.Search(noContractFilters), SqlKind.Statement),
            new("ContractSql.MunicipalitiesForSearch(all filters)", ContractSql.MunicipalitiesForSearch(allContractFilters), SqlKind.Statement),
            new("ContractSql.MunicipalitiesForSearch(no filter)", ContractSql.MunicipalitiesForSearch(noContractFilters), SqlKind.Statement),
            new("ContractSql.OptionsForSearch(all filters)", ContractSql.OptionsForSearch(allContractFilters), SqlKind.Statement),
            new("ContractSql.OptionsForSearch(no filter)", ContractSql.OptionsForSearch(noContractFilters), SqlKind.Statement),
            new("SpendingSql.SearchExceptions(all filters)", SpendingSql.SearchExceptions(dialect, allExceptionFilters), SqlKind.Statement),
            new("SpendingSql.SearchExceptions(no filter)", SpendingSql.SearchExceptions(dialect, new SpendingExceptionFilter()), SqlKind.Statement),
            new("SpendingSql.CountExceptions(all filters)", SpendingSql.CountExceptions(allExceptionFilters), SqlKind.Statement),
            new("SpendingSql.InsertLines(1)", SpendingSql.InsertLines(1), SqlKind.Statement),
            new("SpendingSql.InsertLines(batch)", SpendingSql.InsertLines(dialect.BulkInsertRows), SqlKind.Statement),
        };
        // Every order a list can ask for, both ways.
        foreach (var descending in new[] { false, true })
        {
            pieces.AddRange(Enum.GetValues<SignalOrder>().Select(order => new SqlPiece(
                $"SignalSql.Search(all filters, {order}, descending: {descending})", SignalSql.Search(dialect, allSignalFilters, order, descending), SqlKind.Statement)));
            pieces.AddRange(Enum.GetValues<ProviderOrder>().Select(order => new SqlPiece(
                $"ProviderSql.Search(no filter, {order}, descending: {descending})", ProviderSql.Search(dialect, noProviderFilters, order, descending), SqlKind.Statement)));
        }
        // The repositories send "INSERT ...;\n" + SelectInsertedId as one batch; every INSERT constant is checked that way.
        pieces.AddRange(constants
            .Where(piece => piece is { IsPublic: true, Kind: SqlKind.Statement }
                            && piece.Text.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            .Select(piece => new SqlPiece(piece.Name + " + SelectInsertedId", piece.Text + ";\n" + dialect.SelectInsertedId, SqlKind.Statement)));
        return pieces;
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
