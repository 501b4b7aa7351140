namespace ContractRegie.Data.Sql.Spending;

/// <summary>The share keys of regional contracts: a key row (versioned) and its shares per municipality.</summary>
public static class BudgetShareSql
{
    public const string KeyByContract = "SELECT id, contract_id, row_version FROM budget_share_key WHERE contract_id = @ContractId";

    public const string KeyById = "SELECT id, contract_id, row_version FROM budget_share_key WHERE id = @Id";

    public const string SharesOfKey = """
        SELECT share_key_id, municipality_code, share_percent FROM budget_share WHERE share_key_id = @Id ORDER BY municipality_code
        """;

    public const string InsertKey = "INSERT INTO budget_share_key (contract_id) VALUES (@ContractId)";

    public const string UpdateKey = "UPDATE budget_share_key SET row_version = row_version + 1 WHERE id = @Id AND row_version = @RowVersion";

    public const string InsertShare = """
        INSERT INTO budget_share (share_key_id, municipality_code, share_percent) VALUES (@ShareKeyId, @MunicipalityCode, @Percent)
        """;

    public const string DeleteShares = "DELETE FROM budget_share WHERE share_key_id = @Id";

    /// <summary>The shares go first (they refer to the key), and only when the key is still at @RowVersion.</summary>
    public const string DeleteKey = """
        DELETE FROM budget_share
        WHERE share_key_id = @Id AND EXISTS (SELECT 1 FROM budget_share_key WHERE id = @Id AND row_version = @RowVersion);
        DELETE FROM budget_share_key WHERE id = @Id AND row_version = @RowVersion
        """;
}
