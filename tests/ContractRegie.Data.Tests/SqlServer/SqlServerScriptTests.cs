using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ContractRegie.Data.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here, so everything the code can send to one is parsed with Microsoft's own T-SQL parser:
/// the migrations as FluentMigrator's SQL Server generator renders them, and every Dapper statement in its SQL Server form.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static readonly Lazy<string> MigrationScript = new(SqlServerScript.RenderMigrations);

    private static TSqlParser NewParser() => new TSql180Parser(initialQuotedIdentifiers: true);

    [Fact]
    public void Rendered_migrations_parse_as_T_SQL()
    {
        var fragment = NewParser().Parse(new StringReader(MigrationScript.Value), out var errors);

        Assert.True(errors.Count == 0, Describe(errors, MigrationScript.Value, "rendered migrations"));
        Assert.IsType<TSqlScript>(fragment);
    }

    [Fact]
    public void Rendered_migrations_create_the_register_tables()
    {
        var script = (TSqlScript)NewParser().Parse(new StringReader(MigrationScript.Value), out _);
        var created = script.Batches
            .SelectMany(batch => batch.Statements)
            .OfType<CreateTableStatement>()
            .Select(statement => statement.SchemaObjectName.BaseIdentifier.Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("provider", created);
        Assert.Contains("contract", created);
        Assert.Contains("tariff_line", created);
        Assert.Contains("CREATE TABLE [dbo].[tariff_line]", MigrationScript.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Dapper_statement_parses_as_T_SQL()
    {
        var pieces = DapperStatements.All();
        var failures = new StringBuilder();
        var parsed = new List<string>();

        foreach (var piece in pieces.Where(p => p.Kind != SqlKind.Fragment))
        {
            var (sql, errors) = Parse(piece);
            if (errors.Count > 0)
            {
                failures.AppendLine(Describe(errors, sql, piece.Name));
            }
            parsed.Add(sql);
        }

        Assert.True(failures.Length == 0, failures.ToString());
        // So the test cannot pass on an empty collection: the statements the repositories are known to use are in it.
        Assert.Contains(pieces, p => p.Name == "ProviderSql.Insert + SelectInsertedId");
        Assert.Contains(pieces, p => p.Name == "ContractSql.Search(all filters, NextDeadline, true)");
        // Built statements are discovered, not listed by hand: these two were missing from the old hand-kept list.
        Assert.Contains(pieces, p => p.Name == "OutcomeMeasurementSql.Search(all filters)");
        Assert.Contains(pieces, p => p.Name == "FinancialStatementSql.Count(no filter)");
        Assert.Contains(pieces, p => p.Name == "NotificationSql.Search(Failed)");
        Assert.Contains(pieces, p => p is { Name: "ContractSql.WhereText", Kind: SqlKind.Condition });
        Assert.Contains(pieces, p => p is { Name: "ContractSql.UpdateSearchText", Kind: SqlKind.Statement });
        Assert.Contains(pieces, p => p is { Name: "ContractTermsSql.UpdateAgreement", Kind: SqlKind.Statement });
        Assert.Contains(pieces, p => p is { Name: "SqlServerDialect.Paging", Kind: SqlKind.OrderBySuffix });
        Assert.True(parsed.Count >= 40, "only " + parsed.Count + " statements were collected");
    }

    [Fact]
    public void Sql_fragments_are_only_used_inside_statements_that_are_parsed()
    {
        var pieces = DapperStatements.All();
        var checkedTexts = pieces.Where(p => p.Kind != SqlKind.Fragment).Select(p => p.Text).ToList();

        var fragments = pieces.Where(p => p.Kind == SqlKind.Fragment).ToList();
        var publicFragments = fragments.Where(p => p.IsPublic).Select(p => p.Name).ToList();
        var unused = fragments.Where(f => !checkedTexts.Any(text => text.Contains(f.Text, StringComparison.Ordinal))).Select(f => f.Name).ToList();

        // A public constant that is neither a statement nor a Where… condition cannot be checked on its own.
        Assert.True(publicFragments.Count == 0, "public SQL constants that are not statements: " + string.Join(", ", publicFragments));
        Assert.True(unused.Count == 0, "SQL fragments not part of any parsed statement: " + string.Join(", ", unused));
        Assert.Contains(fragments, f => f.Name == "ProviderSql.Columns");
    }

    [Fact]
    public void The_parser_check_rejects_SQL_that_SQL_Server_would_reject()
    {
        var (_, limit) = Parse(new SqlPiece("bad paging", "SELECT id FROM provider ORDER BY id LIMIT @Limit OFFSET @Offset", SqlKind.Statement));
        var (_, lastval) = Parse(new SqlPiece("bad condition", "c.kind = @Kind AND", SqlKind.Condition));
        var (_, good) = Parse(new SqlPiece("good", "SELECT TOP (1) id FROM provider WHERE name LIKE @Text ESCAPE '\\'", SqlKind.Statement));

        Assert.NotEmpty(limit);
        Assert.NotEmpty(lastval);
        Assert.Empty(good);
    }

    private static (string Sql, IList<ParseError> Errors) Parse(SqlPiece piece)
    {
        var parser = NewParser();
        IList<ParseError> errors;
        string sql;
        switch (piece.Kind)
        {
            case SqlKind.Condition:
                sql = piece.Text;
                parser.ParseBooleanExpression(new StringReader(sql), out errors);
                break;
            case SqlKind.OrderBySuffix:
                sql = "SELECT id FROM provider ORDER BY id " + piece.Text;
                parser.Parse(new StringReader(sql), out errors);
                break;
            default:
                sql = piece.Text;
                var fragment = parser.Parse(new StringReader(sql), out errors);
                if (errors.Count == 0 && fragment is TSqlScript script && !script.Batches.SelectMany(b => b.Statements).Any())
                {
                    errors = [new ParseError(0, 0, 1, 1, "no statement in it")];
                }
                break;
        }
        return (sql, errors);
    }

    private static string Describe(IList<ParseError> errors, string sql, string name)
    {
        var lines = sql.Split('\n');
        var text = new StringBuilder().AppendLine(name + ": " + errors.Count + " T-SQL parse error(s)");
        foreach (var error in errors)
        {
            var line = error.Line >= 1 && error.Line <= lines.Length ? lines[error.Line - 1].TrimEnd() : "";
            text.AppendLine("  line " + error.Line + ", column " + error.Column + ": " + error.Message + "  >> " + line);
        }
        return text.AppendLine("  in:").AppendLine(sql).ToString();
    }
}
