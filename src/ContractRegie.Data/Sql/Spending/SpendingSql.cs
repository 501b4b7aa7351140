using System.Data;
using System.Globalization;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Sql.Spending;

/// <summary>Spending imports, declarations and lines, and the reconciliation read over them.</summary>
public static class SpendingSql
{
    public const string ImportByHash = """
        SELECT id, file_hash, source, file_name, lines_read, lines_imported, exception_count, total_cents, imported_by, imported_at
        FROM spending_import WHERE file_hash = @FileHash
        """;

    public const string InsertImport = """
        INSERT INTO spending_import (file_hash, source, file_name, lines_read, lines_imported, exception_count, total_cents, imported_by, imported_at)
        VALUES (@FileHash, @Source, @FileName, 0, 0, 0, 0, @ImportedBy, @ImportedAt)
        """;

    public const string UpdateImportCounts = """
        UPDATE spending_import
        SET lines_read = @LinesRead, lines_imported = @LinesImported, exception_count = @ExceptionCount, total_cents = @TotalCents
        WHERE id = @Id
        """;

    public const string DeclarationByNumber = """
        SELECT d.import_id, i.imported_at
        FROM spending_declaration d JOIN spending_import i ON i.id = d.import_id
        WHERE d.provider_agb_code = @ProviderAgbCode AND d.declaration_number = @DeclarationNumber
        """;

    public const string InsertDeclaration = """
        INSERT INTO spending_declaration (import_id, provider_agb_code, declaration_number, municipality_code, period_start, period_end, total_cents)
        VALUES (@ImportId, @ProviderAgbCode, @DeclarationNumber, @MunicipalityCode, @PeriodStart, @PeriodEnd, @TotalCents)
        """;

    public const string MaxLineId = "SELECT COALESCE(MAX(id), 0) FROM spending_line";

    /// <summary>
    /// The invoices (provider and number) of an import that an earlier import already holds, as a declaration or as
    /// lines: one set-based query after the lines are written, each invoice looked up once rather than each of its lines.
    /// The id bound (the highest id before the import) keeps it to this import's lines by the primary key, without an
    /// index on import_id.
    /// </summary>
    public const string DuplicateNumbers = """
        SELECT invoice.provider_agb_code, invoice.declaration_number
        FROM (SELECT DISTINCT i.provider_agb_code, i.declaration_number
              FROM spending_line i
              WHERE i.id > @AfterId AND i.import_id = @ImportId) invoice
        WHERE EXISTS (SELECT 1 FROM spending_declaration d
                      WHERE d.provider_agb_code = invoice.provider_agb_code
                        AND d.declaration_number = invoice.declaration_number AND d.import_id <> @ImportId)
           OR EXISTS (SELECT 1 FROM spending_line o
                      WHERE o.provider_agb_code = invoice.provider_agb_code
                        AND o.declaration_number = invoice.declaration_number AND o.import_id <> @ImportId)
        """;

    /// <summary>Flags the import's lines of one such invoice as declared twice; a line that already has an exception keeps that one.</summary>
    public const string MarkDuplicateNumber = """
        UPDATE spending_line
        SET exception_kind = 'DuplicateDeclaration', exception_reason = @Reason
        WHERE provider_agb_code = @ProviderAgbCode AND declaration_number = @DeclarationNumber
          AND id > @AfterId AND import_id = @ImportId AND exception_kind IS NULL
        """;

    /// <summary><see cref="MarkDuplicateNumber"/> for <paramref name="rows"/> invoices in one batch.</summary>
    public static string MarkDuplicateNumberRows(int rows) => SqlRows.Statements(MarkDuplicateNumber, rows);

    // The per-client checks below compare a line with the other lines of the same provider, client, product and
    // delivery period; ix_spending_line_client makes each comparison an index probe, so a whole import is checked in one
    // statement per rule rather than a query per line. Lines without a client (a CSV without BSN) cannot be compared.
    private const string SameClientProductPeriod = """
        o.provider_agb_code = spending_line.provider_agb_code AND o.client_pseudonym = spending_line.client_pseudonym
                AND o.product_code = spending_line.product_code AND o.delivery_start = spending_line.delivery_start
                AND o.product_category = spending_line.product_category AND o.delivery_end = spending_line.delivery_end
        """;

    /// <summary>
    /// Flags this import's credit lines that reverse no debet line of the same client, product and period with the same
    /// amount (in this import or an earlier one).
    /// </summary>
    public const string MarkUnmatchedCredits = """
        UPDATE spending_line
        SET exception_kind = 'CreditReversesNothing', exception_reason = @Reason
        WHERE id > @AfterId AND import_id = @ImportId AND exception_kind IS NULL AND debet_credit = 'C' AND client_pseudonym IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM spending_line o
                          WHERE 
        """ + SameClientProductPeriod + """
                            AND o.debet_credit = 'D' AND o.amount_cents = spending_line.amount_cents)
        """;

    /// <summary>
    /// Flags this import's debet lines for a client, product and period that an earlier line already declared, whatever
    /// the declaration number, unless a credit on that client, product and period shows the earlier one was reversed.
    /// </summary>
    public const string MarkDuplicateClientPeriods = """
        UPDATE spending_line
        SET exception_kind = 'DuplicateDeclaration', exception_reason = @Reason
        WHERE id > @AfterId AND import_id = @ImportId AND exception_kind IS NULL AND debet_credit = 'D' AND client_pseudonym IS NOT NULL
          AND EXISTS (SELECT 1 FROM spending_line o
                      WHERE 
        """ + SameClientProductPeriod + """
                        AND o.debet_credit = 'D' AND o.id < spending_line.id)
          AND NOT EXISTS (SELECT 1 FROM spending_line o
                          WHERE 
        """ + SameClientProductPeriod + """
                            AND o.debet_credit = 'C')
        """;

    /// <summary>
    /// Adds an import's matched lines to spending_total, per contract, municipality, delivery year and delivery end, once
    /// its exceptions are marked; credit lines count negative, the part on lines with an exception is "in onderzoek". The
    /// id bound keeps it to this import's lines by the primary key, as the exception marks do.
    /// </summary>
    public const string AddTotals = """
        INSERT INTO spending_total (import_id, contract_id, municipality_code, delivery_year, delivery_end, spent_cents, in_investigation_cents,
                                    line_count, exception_count)
        SELECT l.import_id, l.contract_id, l.municipality_code, l.delivery_year, l.delivery_end,
               SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END),
               SUM(CASE WHEN l.exception_kind IS NULL THEN 0 WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END),
               COUNT(*), COUNT(l.exception_kind)
        FROM spending_line l
        WHERE l.id > @AfterId AND l.import_id = @ImportId AND l.contract_id IS NOT NULL
        GROUP BY l.import_id, l.contract_id, l.municipality_code, l.delivery_year, l.delivery_end
        """;

    /// <summary>
    /// Adds all of an import's lines, matched or not, to spending_lawfulness_total per delivery year, law and exception
    /// kind, once its exceptions are marked.
    /// </summary>
    public const string AddLawfulnessTotals = """
        INSERT INTO spending_lawfulness_total (import_id, delivery_year, law, exception_kind, amount_cents, line_count)
        SELECT l.import_id, l.delivery_year, l.law, l.exception_kind,
               SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END), COUNT(*)
        FROM spending_line l
        WHERE l.id > @AfterId AND l.import_id = @ImportId
        GROUP BY l.import_id, l.delivery_year, l.law, l.exception_kind
        """;

    /// <summary>
    /// Per law and exception kind (null: clean) the signed spending of a delivery year, for the rechtmatigheidsverantwoording,
    /// from the imports' totals (<see cref="AddLawfulnessTotals"/>).
    /// </summary>
    public const string LawfulnessTotals = """
        SELECT t.law, t.exception_kind AS kind, CAST(SUM(t.amount_cents) AS bigint) AS amount_cents, SUM(t.line_count) AS line_count
        FROM spending_lawfulness_total t
        WHERE t.delivery_year = @Year
        GROUP BY t.law, t.exception_kind
        """;

    /// <summary>One contract's spending in a year per delivery start day, credits negative: the months are cut in C#, portably.</summary>
    public const string SpentPerDayOfContract = """
        SELECT l.delivery_start, CAST(SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END) AS bigint) AS cents
        FROM spending_line l
        WHERE l.contract_id = @ContractId AND l.delivery_year = @Year
        GROUP BY l.delivery_start
        ORDER BY l.delivery_start
        """;

    /// <summary>Every contract with what matching and reconciliation need of it and its provider (current_end is kept on the row).</summary>
    public const string Contracts = """
        SELECT c.id, c.contract_number, c.law, c.kind, c.status, c.contract_manager, c.provider_id, p.name AS provider_name,
               p.agb_code AS provider_agb_code, c.start_date, COALESCE(c.current_end, c.initial_end_date) AS current_end
        FROM contract c JOIN provider p ON p.id = c.provider_id
        """;

    /// <summary>The exceptions added up per kind, contract (or provider without one) and year, for the nightly signals.</summary>
    public const string ExceptionGroups = """
        SELECT l.exception_kind AS kind, l.contract_id, c.contract_number, c.contract_manager, l.provider_agb_code, l.delivery_year AS year,
               COUNT(*) AS line_count,
               CAST(SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END) AS bigint) AS signed_cents,
               MIN(l.id) AS first_line_id
        FROM spending_line l LEFT JOIN contract c ON c.id = l.contract_id
        WHERE l.exception_kind IS NOT NULL
        GROUP BY l.exception_kind, l.contract_id, c.contract_number, c.contract_manager, l.provider_agb_code, l.delivery_year
        ORDER BY l.delivery_year, l.provider_agb_code, l.contract_id, l.exception_kind
        """;

    private const string ExceptionColumns = """
        l.id, l.import_id, l.line_number, l.provider_agb_code, l.municipality_code, l.law, l.product_category, l.product_code,
        l.delivery_start, l.delivery_end, l.volume, l.unit, l.amount_cents, l.debet_credit, l.declaration_number, l.contract_id,
        c.contract_number, c.contract_manager, l.exception_kind, l.exception_reason
        """;

    private const string ExceptionFrom = " FROM spending_line l LEFT JOIN contract c ON c.id = l.contract_id ";

    public const string WhereHasException = "l.exception_kind IS NOT NULL";
    public const string WhereExceptionKind = "l.exception_kind = @Kind";
    public const string WhereContract = "l.contract_id = @ContractId";
    public const string WhereProvider = "l.provider_agb_code = @ProviderAgbCode";
    public const string WhereYear = "l.delivery_year = @Year";
    public const string WhereImport = "l.import_id = @ImportId";

    public static string SearchExceptions(ISqlDialect dialect, SpendingExceptionFilter filter) =>
        "SELECT " + ExceptionColumns + ExceptionFrom + ExceptionWhere(filter) + " ORDER BY l.id " + dialect.Paging;

    public static string CountExceptions(SpendingExceptionFilter filter) => "SELECT COUNT(*)" + ExceptionFrom + ExceptionWhere(filter);

    private static SqlWhere ExceptionWhere(SpendingExceptionFilter filter) => new SqlWhere()
        .When(true, WhereHasException)
        .When(filter.Kind is not null, WhereExceptionKind)
        .When(filter.ContractId is not null, WhereContract)
        .When(filter.ProviderAgbCode is not null, WhereProvider)
        .When(filter.Year is not null, WhereYear)
        .When(filter.ImportId is not null, WhereImport);

    /// <summary>
    /// The columns a line is written to after import_id, in order, with the type and size to bind them with (SQL Server
    /// needs sizes to prepare): <see cref="InsertLines"/> and <see cref="CopyLines"/> both take their column list from here.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, DbType Type, int Size)> LineColumns =
    [
        ("line_number", DbType.Int32, 0), ("provider_agb_code", DbType.AnsiString, 8), ("municipality_code", DbType.AnsiString, 4),
        ("law", DbType.AnsiString, 20), ("product_category", DbType.AnsiString, 10), ("product_code", DbType.AnsiString, 10),
        ("delivery_start", DbType.Date, 0), ("delivery_end", DbType.Date, 0), ("delivery_year", DbType.Int32, 0),
        ("volume", DbType.Decimal, 0), ("unit", DbType.AnsiString, 10), ("amount_cents", DbType.Int64, 0),
        ("debet_credit", DbType.AnsiString, 1), ("declaration_number", DbType.AnsiString, 50), ("product_reference", DbType.String, 50),
        ("allocation_number", DbType.AnsiString, 20), ("client_pseudonym", DbType.AnsiString, 64), ("contract_id", DbType.Int64, 0),
        ("exception_kind", DbType.AnsiString, 40), ("exception_reason", DbType.String, 1000), ("allocation_id", DbType.Int64, 0),
    ];

    private static readonly string LineColumnList = "import_id, " + string.Join(", ", LineColumns.Select(column => column.Name));

    /// <summary>
    /// One INSERT of <paramref name="rows"/> lines: a multi-row VALUES list whose parameters are named by column and row
    /// (@line_number0, @line_number1 …). Only row numbers go into the text; every value is a parameter.
    /// </summary>
    public static string InsertLines(int rows) =>
        "INSERT INTO spending_line (" + LineColumnList + ")\nVALUES\n" + string.Join(",\n", Enumerable.Range(0, rows).Select(RowValues));

    public static string ParameterName(string column, int row) => column + row.ToString(CultureInfo.InvariantCulture);

    private static string RowValues(int row) => "(@ImportId, " + string.Join(", ", LineColumns.Select(column => "@" + ParameterName(column.Name, row))) + ")";

    /// <summary>PostgreSQL's binary COPY of lines into the same columns, in the same order.</summary>
    public static readonly string CopyLines = "COPY spending_line (" + LineColumnList + ") FROM STDIN (FORMAT BINARY)";
}
