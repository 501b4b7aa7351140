using ContractRegie.Data.Dialects;

namespace ContractRegie.Data.Sql.Spending;

/// <summary>The kept budget positions of the current year (<see cref="Data.Spending.BudgetPositions"/>).</summary>
public static class BudgetPositionSql
{
    public const string YearIsComputed = "SELECT COUNT(*) FROM budget_position_year WHERE year = @Year";

    /// <summary>
    /// Locks the year's mark, if it is kept, until the transaction ends (1 row; 0 when it is not kept): every write of the
    /// year's positions takes it first, so two never rewrite the same contract's rows at once. A plain UPDATE locks the row
    /// on every engine.
    /// </summary>
    public const string LockYear = "UPDATE budget_position_year SET year = year WHERE year = @Year";

    public const string DeleteAll = "DELETE FROM budget_position";

    public const string DeleteYears = "DELETE FROM budget_position_year";

    public const string InsertYear = "INSERT INTO budget_position_year (year) VALUES (@Year)";

    public const string DeleteContract = "DELETE FROM budget_position WHERE year = @Year AND contract_id = @ContractId";

    // The contracts of the providers with ids @FirstProviderId to @LastProviderId (one provider: both its id).
    private const string OfProviders = "contract_id IN (" + ReconciliationSql.ContractsOfProviders + ")";

    public const string DeleteProviders = "DELETE FROM budget_position WHERE year = @Year AND " + OfProviders;

    /// <summary>The providers whose contracts an import added spending of @Year to, from its totals (<see cref="SpendingSql.AddTotals"/>).</summary>
    public const string ProvidersOfImport = """
        SELECT DISTINCT c.provider_id
        FROM spending_total t JOIN contract c ON c.id = t.contract_id
        WHERE t.import_id = @ImportId AND t.delivery_year = @Year
        """;

    public const string OfProvidersInYear = """
        SELECT year, contract_id, municipality_code, budget_cents, spent_cents, exhaustion_percent FROM budget_position WHERE year = @Year AND
        """ + " " + OfProviders;

    public const string Delete = "DELETE FROM budget_position WHERE year = @Year AND contract_id = @ContractId AND municipality_code = @MunicipalityCode";

    /// <summary><see cref="Delete"/> for <paramref name="rows"/> positions in one batch (@Year0, @ContractId0 …).</summary>
    public static string DeleteRows(int rows) => SqlRows.Statements(Delete, rows);

    public const string Insert = """
        INSERT INTO budget_position (year, contract_id, municipality_code, budget_cents, spent_cents, exhaustion_percent)
        VALUES (@Year, @ContractId, @MunicipalityCode, @BudgetCents, @SpentCents, @ExhaustionPercent)
        """;

    public static string InsertRows(int rows) => SqlRows.InsertRows(Insert, rows);

    /// <summary>
    /// The year's positions, most exhausted first; of equals, the older contract's first and then by municipality. That is
    /// the order of the index, which the engine reads the first rows of; a tie broken by contract number, a column of
    /// another table, made PostgreSQL join and sort every position of the year (140 ms at 100,000 contracts).
    /// </summary>
    public static string MostExhausted(ISqlDialect dialect) => """
        SELECT p.contract_id, c.contract_number, c.provider_id, pr.name AS provider_name, p.municipality_code,
               p.budget_cents, p.spent_cents, p.exhaustion_percent
        FROM budget_position p
        JOIN contract c ON c.id = p.contract_id
        JOIN provider pr ON pr.id = c.provider_id
        WHERE p.year = @Year
        ORDER BY p.exhaustion_percent DESC, p.contract_id, p.municipality_code
        """ + " " + dialect.Paging;
}
