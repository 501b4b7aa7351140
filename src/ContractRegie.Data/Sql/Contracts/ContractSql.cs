using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Dialects;

namespace ContractRegie.Data.Sql.Contracts;

public static class ContractSql
{
    // The key dates and the latest decision are kept on the row by every write that changes them (see ContractRepository),
    // so lists filter, sort and page here; the provider's name comes by a join, not a query per row.
    private const string From = """
        FROM contract c
        JOIN provider p ON p.id = c.provider_id
        """;

    private const string Select = """
        SELECT c.id, c.contract_number, c.title, c.provider_id, c.kind, c.law, c.procurement_route,
               c.start_date, c.initial_end_date, c.notice_period_months, c.procurement_lead_time_months,
               c.contract_owner, c.contract_manager, c.tactisch_inkoper, c.status, c.row_version,
               p.name AS provider_name, c.latest_decision, c.updated_at
        """ + "\n" + From;

    public const string ReadById = Select + " WHERE c.id = @Id";
    public const string ReadByNumber = Select + " WHERE c.contract_number = @ContractNumber";

    public const string Insert = """
        INSERT INTO contract (contract_number, title, provider_id, kind, law, procurement_route, start_date, initial_end_date,
                              notice_period_months, procurement_lead_time_months, contract_owner, contract_manager,
                              tactisch_inkoper, status, current_end, decision_deadline, procurement_start_deadline, next_deadline,
                              latest_decision, updated_at, search_text)
        VALUES (@ContractNumber, @Title, @ProviderId, @Kind, @Law, @ProcurementRoute, @StartDate, @InitialEndDate,
                @NoticePeriodMonths, @ProcurementLeadTimeMonths, @ContractOwner, @ContractManager, @TactischInkoper, @Status,
                @CurrentEnd, @DecisionDeadline, @ProcurementStartDeadline, @NextDeadline, @LatestDecision, @UpdatedAt, @SearchText)
        """;

    /// <summary><see cref="Insert"/> for <paramref name="rows"/> contracts at once (parameters @ContractNumber0, @ContractNumber1 …).</summary>
    public static string InsertRows(int rows) => SqlRows.InsertRows(Insert, rows);

    /// <summary>The contracts with these numbers (an IN list of @ContractNumber0 …), as <see cref="ReadById"/> reads one.</summary>
    public static string ReadByNumbers(int numbers) => Select + " WHERE c.contract_number IN (" + SqlRows.List("ContractNumber", numbers) + ")";

    public const string MaxId = "SELECT COALESCE(MAX(id), 0) FROM contract";

    /// <summary>The ids and numbers of the contracts above @AfterId: a bulk insert's new rows by their natural key.</summary>
    public const string IdsAfter = "SELECT id, contract_number FROM contract WHERE id > @AfterId";

    public const string Update = """
        UPDATE contract
        SET contract_number = @ContractNumber, title = @Title, provider_id = @ProviderId, kind = @Kind, law = @Law,
            procurement_route = @ProcurementRoute, start_date = @StartDate, initial_end_date = @InitialEndDate,
            notice_period_months = @NoticePeriodMonths, procurement_lead_time_months = @ProcurementLeadTimeMonths,
            contract_owner = @ContractOwner, contract_manager = @ContractManager, tactisch_inkoper = @TactischInkoper,
            status = @Status, current_end = @CurrentEnd, decision_deadline = @DecisionDeadline,
            procurement_start_deadline = @ProcurementStartDeadline, next_deadline = @NextDeadline, latest_decision = @LatestDecision,
            search_text = @SearchText, row_version = row_version + 1, updated_at = @UpdatedAt
        WHERE id = @Id AND row_version = @RowVersion
        """;

    // A decision changes the contract, so a replacement read before it is stale.
    public const string UpdateDecided = """
        UPDATE contract
        SET status = @Status, current_end = @CurrentEnd, decision_deadline = @DecisionDeadline,
            procurement_start_deadline = @ProcurementStartDeadline, next_deadline = @NextDeadline, latest_decision = @LatestDecision,
            row_version = row_version + 1, updated_at = @UpdatedAt
        WHERE id = @Id
        """;

    /// <summary>Fills in the key dates of a row written before they were kept (migration 2026120294); the row's version and updated_at stay.</summary>
    public const string UpdateKeyDates = """
        UPDATE contract
        SET current_end = @CurrentEnd, decision_deadline = @DecisionDeadline, procurement_start_deadline = @ProcurementStartDeadline,
            next_deadline = @NextDeadline
        WHERE id = @Id
        """;

    public const string IdsWithoutKeyDates = "SELECT id FROM contract WHERE current_end IS NULL ORDER BY id";

    /// <summary>A contract's municipalities, then its options: one batch, two results.</summary>
    public const string ChildrenByContractId = """
        SELECT contract_id, municipality_code FROM contract_municipality WHERE contract_id = @Id ORDER BY municipality_code;
        SELECT contract_id, sequence, duration_months, exercised FROM extension_option WHERE contract_id = @Id ORDER BY sequence
        """;
    public const string DeleteMunicipalities = "DELETE FROM contract_municipality WHERE contract_id = @Id";
    public const string InsertMunicipality =
        "INSERT INTO contract_municipality (contract_id, municipality_code) VALUES (@ContractId, @MunicipalityCode)";

    public static string InsertMunicipalityRows(int rows) => SqlRows.InsertRows(InsertMunicipality, rows);

    public const string DeleteOptions = "DELETE FROM extension_option WHERE contract_id = @Id";
    public const string InsertOption = """
        INSERT INTO extension_option (contract_id, sequence, duration_months, exercised)
        VALUES (@ContractId, @Sequence, @DurationMonths, @Exercised)
        """;
    public static string InsertOptionRows(int rows) => SqlRows.InsertRows(InsertOption, rows);

    // Guarded so two people extending at once cannot both exercise the same option.
    public const string ExerciseOption = """
        UPDATE extension_option SET exercised = @Exercised
        WHERE contract_id = @ContractId AND sequence = @Sequence AND exercised <> @Exercised
        """;

    public const string DecisionsByContractId = """
        SELECT id, contract_id, decision, decided_on, decided_by, deciding_body, reason, exercised_option_sequence, late_justification
        FROM renewal_decision WHERE contract_id = @Id ORDER BY id
        """;
    public const string InsertDecision = """
        INSERT INTO renewal_decision (contract_id, decision, decided_on, decided_by, deciding_body, reason, exercised_option_sequence,
                                      late_justification)
        VALUES (@ContractId, @Decision, @DecidedOn, @DecidedBy, @DecidingBody, @Reason, @ExercisedOptionSequence, @LateJustification)
        """;

    public const string WhereKind = "c.kind = @Kind";
    public const string WhereLaw = "c.law = @Law";
    public const string WhereProvider = "c.provider_id = @ProviderId";
    public const string WhereContractManager = "c.contract_manager = @ContractManager";
    public const string WhereTactischInkoper = "c.tactisch_inkoper = @TactischInkoper";
    public const string WhereProcurementRoute = "c.procurement_route = @ProcurementRoute";
    public const string WhereMunicipality =
        "c.id IN (SELECT m.contract_id FROM contract_municipality m WHERE m.municipality_code = @MunicipalityCode)";

    /// <summary>
    /// Title, number or provider name: one lower-case column kept on the row (<see cref="ContractSearchText"/>), so a search
    /// reads one table and, on PostgreSQL, one trigram index, however many providers share a word of the text.
    /// </summary>
    public const string WhereText = "c.search_text LIKE @Text ESCAPE '\\'";

    /// <summary>The names of the providers with these ids (an IN list of @ProviderId0 …), for the search text of new contracts.</summary>
    public static string ProviderNames(int ids) => "SELECT id, name FROM provider WHERE id IN (" + SqlRows.List("ProviderId", ids) + ")";

    /// <summary>A provider's contracts with what their search text is made of, when its name may have changed.</summary>
    public const string SearchTextsOfProvider = "SELECT id, title, contract_number, search_text FROM contract WHERE provider_id = @ProviderId";

    /// <summary>Contracts written before the search text was kept (migration 2026120301), with what it is made of.</summary>
    public const string WithoutSearchText = """
        SELECT c.id, c.title, c.contract_number, p.name AS provider_name
        FROM contract c JOIN provider p ON p.id = c.provider_id
        WHERE c.search_text IS NULL
        """;

    public const string UpdateSearchText = "UPDATE contract SET search_text = @SearchText WHERE id = @Id";

    /// <summary><see cref="UpdateSearchText"/> for <paramref name="rows"/> contracts in one batch (@Id0, @SearchText0 …).</summary>
    public static string UpdateSearchTextRows(int rows) => SqlRows.Statements(UpdateSearchText, rows);

    public const string WhereDecisionDueBefore = "c.decision_deadline < @DecisionDueBefore";
    public const string WhereEndsBefore = "c.current_end < @EndsBefore";
    public const string WhereUpdatedSince = "c.updated_at >= @UpdatedSince";

    /// <summary>
    /// The contracts whose status on <c>@Today</c> is <paramref name="status"/>, as <see cref="StatusToday"/> decides it, written
    /// out per status in plain comparisons: the engine can estimate those (a filter on the CASE looked like 0.5 % of the
    /// register, so PostgreSQL sorted all 96,000 active contracts of a national register for one page of them).
    /// </summary>
    public static string WhereStatusIs(ContractStatus status) => status switch
    {
        ContractStatus.Concept => "c.status = 'Concept'",
        ContractStatus.Actief => "(" + Running + " AND c.current_end >= @Today)",
        ContractStatus.Verlopen => "(" + Running + " AND " + PastItsEnd + " AND (c.latest_decision IS NULL OR c.latest_decision NOT IN " + DecidedToEnd + "))",
        _ => "(c.status = 'Beeindigd' OR (" + Running + " AND " + PastItsEnd + " AND c.latest_decision IN " + DecidedToEnd + "))",
    };

    /// <summary>Not <see cref="ContractStatus.Beeindigd"/> on <c>@Today</c>: the negation of its <see cref="WhereStatusIs"/>.</summary>
    public const string WhereNotEnded =
        "(c.status <> 'Beeindigd' AND (c.status = 'Concept' OR c.current_end >= @Today OR c.latest_decision IS NULL OR c.latest_decision NOT IN " + DecidedToEnd + "))";

    // What the dates decide: neither a concept nor ended by hand.
    private const string Running = "c.status NOT IN ('Concept', 'Beeindigd')";
    private const string PastItsEnd = "(c.current_end < @Today OR c.current_end IS NULL)";
    private const string DecidedToEnd = "('OpnieuwAanbesteden', 'Beeindigen', 'Omzetten')";

    /// <summary>The providers with a contract whose status on @Today is <paramref name="status"/>.</summary>
    public static string ProviderIdsWithStatus(ContractStatus status) => "SELECT DISTINCT c.provider_id FROM contract c WHERE " + WhereStatusIs(status);

    /// <summary>
    /// The status on <c>@Today</c> as <see cref="Core.Contracts.KeyDateRules.StatusOn"/> computes it: Concept and Beeindigd stay; up to
    /// the current end Actief; after it Beeindigd when it was decided not to extend, else Verlopen.
    /// </summary>
    private const string StatusToday = "CASE WHEN c.status IN ('Concept', 'Beeindigd') THEN c.status WHEN c.current_end >= @Today THEN 'Actief' "
        + "WHEN c.latest_decision IN " + DecidedToEnd + " THEN 'Beeindigd' ELSE 'Verlopen' END";

    // In the order of the ContractStatus enum, as the pages sort it.
    private const string OrderByStatus = "CASE " + StatusToday + " WHEN 'Concept' THEN 0 WHEN 'Actief' THEN 1 WHEN 'Verlopen' THEN 2 ELSE 3 END";

    // The contract number breaks ties, always ascending.
    private const string OrderByNumber = "c.contract_number";
    private const string OrderByNumberDescending = "c.contract_number DESC";
    private const string OrderByProvider = "p.name, c.contract_number";
    private const string OrderByProviderDescending = "p.name DESC, c.contract_number";
    private const string OrderByCurrentEnd = "c.current_end, c.contract_number";
    private const string OrderByCurrentEndDescending = "c.current_end DESC, c.contract_number";
    private const string OrderByStatusAscending = OrderByStatus + ", c.contract_number";
    private const string OrderByStatusDescending = OrderByStatus + " DESC, c.contract_number";

    /// <summary>One page of the filtered register, in SQL; binds the filter's values, <c>@Today</c>, <c>@Offset</c> and <c>@Limit</c>.</summary>
    public static string Search(ISqlDialect dialect, ContractFilter filter, ContractOrder order, bool descending) =>
        Select + " " + Where(filter) + " ORDER BY " + OrderBy(dialect, order, descending) + " " + dialect.Paging;

    // No filter needs the provider, and every contract has one: counts read the contract table alone.
    public static string Count(ContractFilter filter) => "SELECT COUNT(*) FROM contract c " + Where(filter);

    /// <summary>
    /// The filter's matches counted up to <c>@Limit</c>: the count stops there instead of visiting them all, in whatever
    /// order the engine finds them fastest (an order would make it sort every match first).
    /// </summary>
    public static string CountUpTo(ISqlDialect dialect, ContractFilter filter) =>
        "SELECT COUNT(*) FROM (" + dialect.AnyRows("SELECT c.id FROM contract c " + Where(filter)) + ") matches";

    /// <summary>The next <c>@Limit</c> contracts after <c>@AfterId</c> in id order: a chunk of the register read by key (<see cref="KeyChunks"/>).</summary>
    public static string ChunkAfter(ISqlDialect dialect) => Select + " WHERE c.id > @AfterId ORDER BY c.id " + dialect.Paging;

    /// <summary>The children of a chunk, municipalities then options in one batch: its ids are the range (@AfterId, @LastId].</summary>
    public const string ChildrenInIdRange = """
        SELECT contract_id, municipality_code FROM contract_municipality
        WHERE contract_id > @AfterId AND contract_id <= @LastId ORDER BY contract_id, municipality_code;
        SELECT contract_id, sequence, duration_months, exercised FROM extension_option
        WHERE contract_id > @AfterId AND contract_id <= @LastId ORDER BY contract_id, sequence
        """;

    /// <summary>The children of a page of search results by the page's ids (@ContractId0 …), municipalities then options in one batch.</summary>
    public static string ChildrenOf(int ids)
    {
        var list = SqlRows.List("ContractId", ids);
        return "SELECT contract_id, municipality_code FROM contract_municipality WHERE contract_id IN (" + list + ") ORDER BY contract_id, municipality_code;\n"
            + "SELECT contract_id, sequence, duration_months, exercised FROM extension_option WHERE contract_id IN (" + list + ") ORDER BY contract_id, sequence";
    }

    private static string OrderBy(ISqlDialect dialect, ContractOrder order, bool descending) => order switch
    {
        ContractOrder.Provider => descending ? OrderByProviderDescending : OrderByProvider,
        ContractOrder.CurrentEnd => descending ? OrderByCurrentEndDescending : OrderByCurrentEnd,
        // A missing deadline sorts last (first when descending).
        ContractOrder.DecisionDeadline => dialect.OrderNullsLast("c.decision_deadline", descending) + ", c.contract_number",
        ContractOrder.ProcurementStart => dialect.OrderNullsLast("c.procurement_start_deadline", descending) + ", c.contract_number",
        ContractOrder.NextDeadline => dialect.OrderNullsLast("c.next_deadline", descending) + ", c.contract_number",
        ContractOrder.Status => descending ? OrderByStatusDescending : OrderByStatusAscending,
        _ => descending ? OrderByNumberDescending : OrderByNumber,
    };

    private static SqlWhere Where(ContractFilter filter) => new SqlWhere()
        .When(filter.Kind is not null, WhereKind)
        .When(filter.Law is not null, WhereLaw)
        .When(filter.Status, WhereStatusIs)
        .When(filter.ProviderId is not null, WhereProvider)
        .When(filter.ContractManager is not null, WhereContractManager)
        .When(filter.TactischInkoper is not null, WhereTactischInkoper)
        .When(filter.ProcurementRoute is not null, WhereProcurementRoute)
        .When(filter.MunicipalityCode is not null, WhereMunicipality)
        .When(filter.WithoutEnded, WhereNotEnded)
        .When(filter.Text is not null, WhereText)
        .When(filter.DecisionDueBefore is not null, WhereDecisionDueBefore)
        .When(filter.EndsBefore is not null, WhereEndsBefore)
        .When(filter.UpdatedSince is not null, WhereUpdatedSince);
}
