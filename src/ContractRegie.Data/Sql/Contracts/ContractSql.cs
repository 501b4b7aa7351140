using ContractRegie.Data.Contracts;

namespace ContractRegie.Data.Sql.Contracts;

public static class ContractSql
{
    // The latest decision is read from the history, so it can never disagree with it.
    private const string Select = """
        SELECT c.id, c.contract_number, c.title, c.provider_id, c.kind, c.law, c.procurement_route,
               c.start_date, c.initial_end_date, c.notice_period_months, c.procurement_lead_time_months,
               c.contract_owner, c.contract_manager, c.tactisch_inkoper, c.status, c.row_version,
               (SELECT p.name FROM provider p WHERE p.id = c.provider_id) AS provider_name,
               (SELECT d.decision FROM renewal_decision d
                WHERE d.id = (SELECT MAX(d2.id) FROM renewal_decision d2 WHERE d2.contract_id = c.id)) AS latest_decision
        FROM contract c
        """;

    public const string ReadById = Select + " WHERE c.id = @Id";
    public const string ReadByNumber = Select + " WHERE c.contract_number = @ContractNumber";

    public const string Insert = """
        INSERT INTO contract (contract_number, title, provider_id, kind, law, procurement_route, start_date, initial_end_date,
                              notice_period_months, procurement_lead_time_months, contract_owner, contract_manager,
                              tactisch_inkoper, status)
        VALUES (@ContractNumber, @Title, @ProviderId, @Kind, @Law, @ProcurementRoute, @StartDate, @InitialEndDate,
                @NoticePeriodMonths, @ProcurementLeadTimeMonths, @ContractOwner, @ContractManager, @TactischInkoper, @Status)
        """;

    public const string Update = """
        UPDATE contract
        SET contract_number = @ContractNumber, title = @Title, provider_id = @ProviderId, kind = @Kind, law = @Law,
            procurement_route = @ProcurementRoute, start_date = @StartDate, initial_end_date = @InitialEndDate,
            notice_period_months = @NoticePeriodMonths, procurement_lead_time_months = @ProcurementLeadTimeMonths,
            contract_owner = @ContractOwner, contract_manager = @ContractManager, tactisch_inkoper = @TactischInkoper,
            status = @Status, row_version = row_version + 1
        WHERE id = @Id AND row_version = @RowVersion
        """;

    // A decision changes the contract, so a replacement read before it is stale.
    public const string UpdateStatus = "UPDATE contract SET status = @Status, row_version = row_version + 1 WHERE id = @Id";

    public const string MunicipalitiesByContractId =
        "SELECT contract_id, municipality_code FROM contract_municipality WHERE contract_id = @Id ORDER BY municipality_code";
    public const string DeleteMunicipalities = "DELETE FROM contract_municipality WHERE contract_id = @Id";
    public const string InsertMunicipality =
        "INSERT INTO contract_municipality (contract_id, municipality_code) VALUES (@ContractId, @MunicipalityCode)";

    public const string OptionsByContractId = """
        SELECT contract_id, sequence, duration_months, exercised FROM extension_option
        WHERE contract_id = @Id ORDER BY sequence
        """;
    public const string DeleteOptions = "DELETE FROM extension_option WHERE contract_id = @Id";
    public const string InsertOption = """
        INSERT INTO extension_option (contract_id, sequence, duration_months, exercised)
        VALUES (@ContractId, @Sequence, @DurationMonths, @Exercised)
        """;
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
    public const string WhereText = """
        (LOWER(c.title) LIKE @Text ESCAPE '\' OR LOWER(c.contract_number) LIKE @Text ESCAPE '\'
         OR c.provider_id IN (SELECT p.id FROM provider p WHERE LOWER(p.name) LIKE @Text ESCAPE '\'))
        """;

    // No paging here: key dates and status are computed in Core, so those filters and paging apply after reading.
    // A municipality's register holds hundreds of contracts, not millions.
    public static string Search(ContractFilter filter) => Select + " " + Where(filter) + " ORDER BY c.contract_number";

    public static string MunicipalitiesForSearch(ContractFilter filter) =>
        "SELECT contract_id, municipality_code FROM contract_municipality WHERE contract_id IN (SELECT c.id FROM contract c "
        + Where(filter) + ") ORDER BY contract_id, municipality_code";

    public static string OptionsForSearch(ContractFilter filter) =>
        "SELECT contract_id, sequence, duration_months, exercised FROM extension_option WHERE contract_id IN (SELECT c.id FROM contract c "
        + Where(filter) + ") ORDER BY contract_id, sequence";

    private static SqlWhere Where(ContractFilter filter) => new SqlWhere()
        .When(filter.Kind is not null, WhereKind)
        .When(filter.Law is not null, WhereLaw)
        .When(filter.ProviderId is not null, WhereProvider)
        .When(filter.ContractManager is not null, WhereContractManager)
        .When(filter.TactischInkoper is not null, WhereTactischInkoper)
        .When(filter.ProcurementRoute is not null, WhereProcurementRoute)
        .When(filter.MunicipalityCode is not null, WhereMunicipality)
        .When(filter.Text is not null, WhereText);
}
