using ContractRegie.Data.Dialects;
using ContractRegie.Data.Providers;

namespace ContractRegie.Data.Sql.Providers;

public static class ProviderSql
{
    private const string Columns = """
        id, name, kvk_number, agb_code, street, postal_code, city, contact_email, contract_manager, ozjt_top16, active, row_version, updated_at
        """;

    public const string ReadById = "SELECT " + Columns + " FROM provider WHERE id = @Id";

    public const string ReadByAgbCode = "SELECT " + Columns + " FROM provider WHERE agb_code = @AgbCode";

    /// <summary>The providers with these AGB-codes (an IN list of @AgbCode0 …).</summary>
    public static string ReadByAgbCodes(int codes) => "SELECT " + Columns + " FROM provider WHERE agb_code IN (" + SqlRows.List("AgbCode", codes) + ")";

    public const string CountContracts = "SELECT COUNT(*) FROM contract WHERE provider_id = @Id";

    public const string Insert = """
        INSERT INTO provider (name, kvk_number, agb_code, street, postal_code, city, contact_email, contract_manager, ozjt_top16, active,
                              updated_at)
        VALUES (@Name, @KvkNumber, @AgbCode, @Street, @PostalCode, @City, @ContactEmail, @ContractManager, @OzjtTop16, @Active, @UpdatedAt)
        """;

    /// <summary><see cref="Insert"/> for <paramref name="rows"/> providers at once (parameters @Name0, @Name1 …).</summary>
    public static string InsertRows(int rows) => SqlRows.InsertRows(Insert, rows);

    public const string Update = """
        UPDATE provider
        SET name = @Name, kvk_number = @KvkNumber, agb_code = @AgbCode, street = @Street, postal_code = @PostalCode,
            city = @City, contact_email = @ContactEmail, contract_manager = @ContractManager,
            ozjt_top16 = @OzjtTop16, active = @Active, row_version = row_version + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND row_version = @RowVersion
        """;

    public const string Delete = "DELETE FROM provider WHERE id = @Id AND row_version = @RowVersion";

    public const string WhereText = """
        (LOWER(name) LIKE @Text ESCAPE '\' OR agb_code LIKE @Text ESCAPE '\' OR kvk_number LIKE @Text ESCAPE '\')
        """;
    public const string WhereActive = "active = @Active";
    public const string WhereOzjtTop16 = "ozjt_top16 = @OzjtTop16";
    public const string WhereContractManager = "contract_manager = @ContractManager";
    public const string WhereUpdatedSince = "updated_at >= @UpdatedSince";

    private const string OrderByName = "name, id";
    private const string OrderByNameDescending = "name DESC, id DESC";
    private const string OrderByAgbCode = "agb_code, id";
    private const string OrderByAgbCodeDescending = "agb_code DESC, id DESC";
    private const string OrderByCity = "city, name, id";
    private const string OrderByCityDescending = "city DESC, name, id";
    private const string OrderByContractManager = "contract_manager, name, id";
    private const string OrderByContractManagerDescending = "contract_manager DESC, name, id";

    public static string Search(ISqlDialect dialect, ProviderFilter filter, ProviderOrder order = ProviderOrder.Name, bool descending = false) =>
        "SELECT " + Columns + " FROM provider " + Where(filter) + " ORDER BY " + OrderBy(order, descending) + " " + dialect.Paging;

    private static string OrderBy(ProviderOrder order, bool descending) => order switch
    {
        ProviderOrder.AgbCode => descending ? OrderByAgbCodeDescending : OrderByAgbCode,
        ProviderOrder.City => descending ? OrderByCityDescending : OrderByCity,
        ProviderOrder.ContractManager => descending ? OrderByContractManagerDescending : OrderByContractManager,
        _ => descending ? OrderByNameDescending : OrderByName,
    };

    public static string Count(ProviderFilter filter) => "SELECT COUNT(*) FROM provider " + Where(filter);

    /// <summary>The next <c>@Limit</c> active providers after <c>@AfterId</c> in id order: a chunk read by key (<see cref="KeyChunks"/>).</summary>
    public static string ActiveChunkAfter(ISqlDialect dialect) =>
        "SELECT " + Columns + " FROM provider WHERE " + WhereActive + " AND id > @AfterId ORDER BY id " + dialect.Paging;

    private static SqlWhere Where(ProviderFilter filter) => new SqlWhere()
        .When(filter.Text is not null, WhereText)
        .When(filter.Active is not null, WhereActive)
        .When(filter.OzjtTop16 is not null, WhereOzjtTop16)
        .When(filter.ContractManager is not null, WhereContractManager)
        .When(filter.UpdatedSince is not null, WhereUpdatedSince);
}
