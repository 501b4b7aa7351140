using ContractRegie.Data.Import;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Import;

/// <summary>docs/import.md documents exactly the columns the importer reads.</summary>
public sealed class ImportDocumentationTests
{
    [Theory]
    [InlineData(RegisterImportKind.Providers)]
    [InlineData(RegisterImportKind.Contracts)]
    [InlineData(RegisterImportKind.Tariffs)]
    [InlineData(RegisterImportKind.OutcomeMeasurements)]
    [InlineData(RegisterImportKind.FinancialStatements)]
    public void Every_column_is_documented_as_the_catalog_describes_it(RegisterImportKind kind)
    {
        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "docs", "import.md"));
        var table = string.Join("\n", RegisterColumns.For(kind).Select(TableRow));

        Assert.True(documentation.Contains(table, StringComparison.Ordinal),
            $"docs/import.md should hold this table for {kind}:\n{table}");
    }

    private static string TableRow(ImportColumn column) =>
        $"| `{column.Name}` | {(column.Required ? "ja" : "nee")} | {column.Description} |";

    [Fact]
    public void Every_spending_column_is_documented_as_the_catalog_describes_it()
    {
        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "docs", "spending-import.md"));
        var table = string.Join("\n", SpendingColumns.All.Select(TableRow));

        Assert.True(documentation.Contains(table, StringComparison.Ordinal), $"docs/spending-import.md should hold this table:\n{table}");
    }
}
