using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Sql.Spending;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;

namespace ContractRegie.Data.Tests.Spending;

/// <summary>
/// SQLite keeps no statistics, so whether it reads a year's exceptions through an index or all of spending_line (2 s at
/// 10 million lines) depends on the indexes alone: the plan is what these tests check, on the migrated schema.
/// </summary>
public sealed class SqliteExceptionPlanTests(SqliteTestDatabase db) : IClassFixture<SqliteTestDatabase>
{
    public static TheoryData<SpendingExceptionFilter> YearFilters =>
    [
        new(Year: 2025),
        new(Kind: SpendingExceptionKind.AmountDeviatesFromTariff, Year: 2025),
        new(ProviderAgbCode: "12345678", Year: 2025),
    ];

    [Theory]
    [MemberData(nameof(YearFilters))]
    public async Task A_years_exceptions_are_counted_and_paged_without_reading_every_line(SpendingExceptionFilter filter)
    {
        foreach (var statement in new[] { SpendingSql.CountExceptions(filter), SpendingSql.SearchExceptions(db.Database.Dialect, filter) })
        {
            var plan = await PlanAsync(statement);

            // A search of an index, whichever fits the filter best; never a scan of the lines.
            Assert.Matches("SEARCH l USING (COVERING )?INDEX", plan);
            Assert.DoesNotContain("SCAN l", plan);
        }
    }

    private async Task<string> PlanAsync(string statement)
    {
        await using var connection = await db.Database.OpenAsync();
        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + statement,
            new { Kind = nameof(SpendingExceptionKind.AmountDeviatesFromTariff), ProviderAgbCode = "12345678", Year = 2025, Offset = 0, Limit = 50 });
        return string.Join("\n", rows.Select(row => row.Detail));
    }
}
