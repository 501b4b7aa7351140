namespace ContractRegie.Data.Sql.Monitoring;

public static class ProviderRiskSql
{
    public const string Read = """
        SELECT provider_id, level, statement_year, total_score, assessed_on FROM provider_risk WHERE provider_id = @Id
        """;
    public const string ReadAll = "SELECT provider_id, level, statement_year, total_score, assessed_on FROM provider_risk";

    /// <summary>The assessments of the providers with <paramref name="ids"/> ids (@ProviderId0, @ProviderId1 …).</summary>
    public static string ReadByProviders(int ids) => ReadAll + " WHERE provider_id IN (" + SqlRows.List("ProviderId", ids) + ")";

    // Not a const: on its own it is no statement; the parse test checks what InsertRows composes from it.
    private static readonly string InsertHead = "INSERT INTO provider_risk (provider_id, level, statement_year, total_score, assessed_on) VALUES";

    private static readonly string[] Parameters = ["ProviderId", "Level", "StatementYear", "TotalScore", "AssessedOn"];

    private static readonly string Update = """
        UPDATE provider_risk SET level = @Level, statement_year = @StatementYear, total_score = @TotalScore, assessed_on = @AssessedOn
        WHERE provider_id = @ProviderId
        """;

    /// <summary>One INSERT of <paramref name="rows"/> first assessments (@ProviderId0, @Level0 …; see <see cref="SqlRows"/>).</summary>
    public static string InsertRows(int rows) => SqlRows.Values(InsertHead, Parameters, rows);

    /// <summary>The updates of <paramref name="rows"/> stored assessments in one batch (@ProviderId0, @Level0 …).</summary>
    public static string UpdateRows(int rows) => SqlRows.Statements(Update, rows);
}
