namespace ContractRegie.Data.Sql.Spending;

/// <summary>Allocation imports and the allocation register the spending checks read.</summary>
public static class AllocationSql
{
    public const string ImportByHash = """
        SELECT id, file_hash, source, file_name, allocations_read, allocations_inserted, allocations_updated, imported_by, imported_at
        FROM allocation_import WHERE file_hash = @FileHash
        """;

    public const string InsertImport = """
        INSERT INTO allocation_import (file_hash, source, file_name, allocations_read, allocations_inserted, allocations_updated, imported_by, imported_at)
        VALUES (@FileHash, @Source, @FileName, @AllocationsRead, 0, 0, @ImportedBy, @ImportedAt)
        """;

    public const string UpdateImportCounts = """
        UPDATE allocation_import SET allocations_inserted = @Inserted, allocations_updated = @Updated WHERE id = @Id
        """;

    /// <summary>A 301 sent again for the same number is a change of that allocation (a new end date, another volume).</summary>
    public const string UpdateAllocation = """
        UPDATE allocation
        SET import_id = @ImportId, law = @Law, client_pseudonym = @ClientPseudonym, product_category = @ProductCategory,
            product_code = @ProductCode, start_date = @StartDate, end_date = @EndDate, volume = @Volume, unit = @Unit,
            frequency = @Frequency, budget_cents = @BudgetCents
        WHERE municipality_code = @MunicipalityCode AND provider_agb_code = @ProviderAgbCode AND allocation_number = @AllocationNumber
        """;

    public const string InsertAllocation = """
        INSERT INTO allocation (import_id, municipality_code, provider_agb_code, law, allocation_number, client_pseudonym, product_category,
            product_code, start_date, end_date, volume, unit, frequency, budget_cents)
        VALUES (@ImportId, @MunicipalityCode, @ProviderAgbCode, @Law, @AllocationNumber, @ClientPseudonym, @ProductCategory,
            @ProductCode, @StartDate, @EndDate, @Volume, @Unit, @Frequency, @BudgetCents)
        """;

    private const string Columns = """
        id, municipality_code, provider_agb_code, law, allocation_number, client_pseudonym, product_category, product_code,
               start_date, end_date, volume, unit, frequency, budget_cents
        """;

    public const string AllAllocations = "SELECT " + Columns + " FROM allocation";

    /// <summary>The allocations with a volume that run after @AsOf and start by @YearEnd: what can still commit budget in the year.</summary>
    public const string AllocationsRunningAfter = "SELECT " + Columns + """
         FROM allocation
        WHERE volume IS NOT NULL AND start_date <= @YearEnd AND (end_date IS NULL OR end_date > @AsOf)
        """;

    /// <summary>The volume declared per allocation and unit so far, debet minus credit, for the cumulative volume check.</summary>
    public const string DeclaredVolumes = """
        SELECT allocation_id, unit, SUM(CASE WHEN debet_credit = 'C' THEN -volume ELSE volume END) AS volume
        FROM spending_line
        WHERE allocation_id IS NOT NULL
        GROUP BY allocation_id, unit
        """;
}
