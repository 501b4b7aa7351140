namespace ContractRegie.Data.Sql.Contracts;

/// <summary>Tariff lines, budget ceilings and outcome agreements: the terms that hang off a contract.</summary>
public static class ContractTermsSql
{
    public const string WhereContract = "contract_id = @ContractId";
    public const string WhereUpdatedSince = "updated_at >= @UpdatedSince";

    private const string TariffColumns =
        "id, contract_id, product_category, product_code, unit, price_cents, valid_from, valid_to, indexation_percent, row_version, updated_at";

    /// <summary>A contract's tariff lines; with <paramref name="updatedSince"/> only those changed at or after <c>@UpdatedSince</c>.</summary>
    public static string TariffsByContractId(bool updatedSince) =>
        "SELECT " + TariffColumns + " FROM tariff_line " + OfContract(updatedSince) + " ORDER BY product_category, product_code, valid_from";
    public const string AllTariffs = "SELECT " + TariffColumns + " FROM tariff_line";
    public const string TariffById = "SELECT " + TariffColumns + " FROM tariff_line WHERE id = @Id AND contract_id = @ContractId";
    public const string TariffByProduct = """
        SELECT id FROM tariff_line
        WHERE contract_id = @ContractId AND product_category = @ProductCategory AND product_code = @ProductCode AND valid_from = @ValidFrom
        """;
    public const string InsertTariff = """
        INSERT INTO tariff_line (contract_id, product_category, product_code, unit, price_cents, valid_from, valid_to, indexation_percent, updated_at)
        VALUES (@ContractId, @ProductCategory, @ProductCode, @Unit, @PriceCents, @ValidFrom, @ValidTo, @IndexationPercent, @UpdatedAt)
        """;
    public const string UpdateTariff = """
        UPDATE tariff_line
        SET product_category = @ProductCategory, product_code = @ProductCode, unit = @Unit, price_cents = @PriceCents,
            valid_from = @ValidFrom, valid_to = @ValidTo, indexation_percent = @IndexationPercent,
            row_version = row_version + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion
        """;
    public const string DeleteTariff = "DELETE FROM tariff_line WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion";

    private const string BudgetColumns = "id, contract_id, year, municipality_code, amount_cents, row_version, updated_at";

    /// <summary>A contract's budget ceilings; with <paramref name="updatedSince"/> only those changed at or after <c>@UpdatedSince</c>.</summary>
    public static string BudgetsByContractId(bool updatedSince) =>
        "SELECT " + BudgetColumns + " FROM budget_ceiling " + OfContract(updatedSince) + " ORDER BY year, municipality_code";
    public const string BudgetsForYear = "SELECT " + BudgetColumns + " FROM budget_ceiling WHERE year = @Year";
    public const string BudgetById = "SELECT " + BudgetColumns + " FROM budget_ceiling WHERE id = @Id AND contract_id = @ContractId";
    public const string InsertBudget = """
        INSERT INTO budget_ceiling (contract_id, year, municipality_code, amount_cents, updated_at)
        VALUES (@ContractId, @Year, @MunicipalityCode, @AmountCents, @UpdatedAt)
        """;
    public const string UpdateBudget = """
        UPDATE budget_ceiling SET year = @Year, municipality_code = @MunicipalityCode, amount_cents = @AmountCents, row_version = row_version + 1,
            updated_at = @UpdatedAt
        WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion
        """;
    public const string DeleteBudget = "DELETE FROM budget_ceiling WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion";

    private const string AgreementColumns = "id, contract_id, indicator, norm, direction, unit, frequency, tolerance, row_version, updated_at";

    /// <summary>A contract's outcome agreements; with <paramref name="updatedSince"/> only those changed at or after <c>@UpdatedSince</c>.</summary>
    public static string AgreementsByContractId(bool updatedSince) =>
        "SELECT " + AgreementColumns + " FROM outcome_agreement " + OfContract(updatedSince) + " ORDER BY indicator";
    /// <summary>The agreements of every contract with an id from @FirstId to @LastId: one index range instead of a list of ids.</summary>
    public const string AgreementsInIdRange =
        "SELECT " + AgreementColumns + " FROM outcome_agreement WHERE contract_id >= @FirstId AND contract_id <= @LastId";
    public const string AgreementById = "SELECT " + AgreementColumns + " FROM outcome_agreement WHERE id = @Id AND contract_id = @ContractId";
    public const string InsertAgreement = """
        INSERT INTO outcome_agreement (contract_id, indicator, norm, direction, unit, frequency, tolerance, updated_at)
        VALUES (@ContractId, @Indicator, @Norm, @Direction, @Unit, @Frequency, @Tolerance, @UpdatedAt)
        """;
    public const string UpdateAgreement = """
        UPDATE outcome_agreement
        SET indicator = @Indicator, norm = @Norm, direction = @Direction, unit = @Unit, frequency = @Frequency, tolerance = @Tolerance,
            row_version = row_version + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion
        """;
    public const string DeleteAgreement = "DELETE FROM outcome_agreement WHERE id = @Id AND contract_id = @ContractId AND row_version = @RowVersion";

    private static SqlWhere OfContract(bool updatedSince) => new SqlWhere().When(true, WhereContract).When(updatedSince, WhereUpdatedSince);
}
