namespace ContractRegie.Data.Sql.Monitoring;

public static class ProviderRiskSql
{
    public const string Read = """
        SELECT provider_id, level, statement_year, total_score, assessed_on FROM provider_risk WHERE provider_id = @Id
        """;
    public const string ReadAll = "SELECT provider_id, level, statement_year, total_score, assessed_on FROM provider_risk";
    public const string Insert = """
        INSERT INTO provider_risk (provider_id, level, statement_year, total_score, assessed_on)
        VALUES (@ProviderId, @Level, @StatementYear, @TotalScore, @AssessedOn)
        """;
    public const string Update = """
        UPDATE provider_risk SET level = @Level, statement_year = @StatementYear, total_score = @TotalScore, assessed_on = @AssessedOn
        WHERE provider_id = @ProviderId
        """;
}
