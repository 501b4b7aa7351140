using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Contracts;
using Dapper;

namespace ContractRegie.Data.Contracts;

/// <summary>
/// Tariff lines, budget ceilings and outcome agreements of a contract. Every statement is scoped to the
/// contract, and every write is audited in its own transaction.
/// </summary>
public sealed class ContractTermsRepository(Database database, AuditTrail audit)
{
    private const string Tariff = "tariff_line";
    private const string Budget = "budget_ceiling";
    private const string Agreement = "outcome_agreement";

    public Task<IReadOnlyList<TariffLine>> ReadTariffsAsync(long contractId, DbTransaction? transaction = null) =>
        ListAsync<TariffLine>(ContractTermsSql.TariffsByContractId, contractId, transaction);
    public Task<TariffLine?> ReadTariffAsync(long contractId, long id) => SingleAsync<TariffLine>(ContractTermsSql.TariffById, contractId, id, null);
    public Task<long?> ReadTariffIdAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<long?>(ContractTermsSql.TariffByProduct, TariffParameters(tariff), transaction));
    public Task<long> InsertTariffAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        InsertAsync(Tariff, ContractTermsSql.InsertTariff, TariffParameters(tariff), tariff, transaction);
    public Task<WriteResult> UpdateTariffAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        UpdateAsync(Tariff, ContractTermsSql.TariffById, ContractTermsSql.UpdateTariff, tariff.ContractId, tariff.Id, tariff, TariffParameters(tariff), transaction);
    public Task<WriteResult> DeleteTariffAsync(long contractId, long id, long rowVersion) =>
        DeleteAsync<TariffLine>(Tariff, ContractTermsSql.TariffById, ContractTermsSql.DeleteTariff, contractId, id, rowVersion);

    public Task<IReadOnlyList<BudgetCeiling>> ReadBudgetsAsync(long contractId) => ListAsync<BudgetCeiling>(ContractTermsSql.BudgetsByContractId, contractId);
    public Task<BudgetCeiling?> ReadBudgetAsync(long contractId, long id) => SingleAsync<BudgetCeiling>(ContractTermsSql.BudgetById, contractId, id, null);
    public Task<long> InsertBudgetAsync(BudgetCeiling budget, DbTransaction? transaction = null) =>
        InsertAsync(Budget, ContractTermsSql.InsertBudget, budget, budget, transaction);
    public Task<WriteResult> UpdateBudgetAsync(BudgetCeiling budget) =>
        UpdateAsync(Budget, ContractTermsSql.BudgetById, ContractTermsSql.UpdateBudget, budget.ContractId, budget.Id, budget, budget, null);
    public Task<WriteResult> DeleteBudgetAsync(long contractId, long id, long rowVersion) =>
        DeleteAsync<BudgetCeiling>(Budget, ContractTermsSql.BudgetById, ContractTermsSql.DeleteBudget, contractId, id, rowVersion);

    public Task<IReadOnlyList<OutcomeAgreement>> ReadAgreementsAsync(long contractId, DbTransaction? transaction = null) =>
        ListAsync<OutcomeAgreement>(ContractTermsSql.AgreementsByContractId, contractId, transaction);
    /// <summary>Every contract's outcome agreements, for the daily outcome check.</summary>
    public Task<IReadOnlyList<OutcomeAgreement>> ReadAllAgreementsAsync() =>
        database.RunAsync<IReadOnlyList<OutcomeAgreement>>(null, async c => (await c.QueryAsync<OutcomeAgreement>(ContractTermsSql.AllAgreements)).AsList());
    public Task<OutcomeAgreement?> ReadAgreementAsync(long contractId, long id) =>
        SingleAsync<OutcomeAgreement>(ContractTermsSql.AgreementById, contractId, id, null);
    public Task<long> InsertAgreementAsync(OutcomeAgreement agreement, DbTransaction? transaction = null) =>
        InsertAsync(Agreement, ContractTermsSql.InsertAgreement, AgreementParameters(agreement), agreement, transaction);
    public Task<WriteResult> UpdateAgreementAsync(OutcomeAgreement agreement) =>
        UpdateAsync(Agreement, ContractTermsSql.AgreementById, ContractTermsSql.UpdateAgreement, agreement.ContractId, agreement.Id, agreement,
            AgreementParameters(agreement), null);
    public Task<WriteResult> DeleteAgreementAsync(long contractId, long id, long rowVersion) =>
        DeleteAsync<OutcomeAgreement>(Agreement, ContractTermsSql.AgreementById, ContractTermsSql.DeleteAgreement, contractId, id, rowVersion);

    private Task<IReadOnlyList<T>> ListAsync<T>(string sql, long contractId, DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyList<T>>(transaction, async c => (await c.QueryAsync<T>(sql, new { ContractId = contractId }, transaction)).AsList());

    private Task<T?> SingleAsync<T>(string sql, long contractId, long id, DbTransaction? transaction) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<T>(sql, new { ContractId = contractId, Id = id }, transaction));

    private Task<long> InsertAsync(string entity, string sql, object parameters, object item, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var id = await tx.Connection!.ExecuteScalarAsync<long>(sql + ";\n" + database.Dialect.SelectInsertedId, parameters, tx);
            await audit.AppendAsync(tx, AuditAction.Create, entity, id, null, item);
            return id;
        });

    /// <summary>Writes <paramref name="after"/> if the stored row still has its row version.</summary>
    private Task<WriteResult> UpdateAsync<T>(string entity, string readSql, string updateSql, long contractId, long id, T after, object parameters,
        DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await SingleAsync<T>(readSql, contractId, id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            if (await tx.Connection!.ExecuteAsync(updateSql, parameters, tx) == 0)
            {
                return WriteResult.Stale;
            }
            await audit.AppendAsync(tx, AuditAction.Update, entity, id, before, after);
            return WriteResult.Written;
        });

    private Task<WriteResult> DeleteAsync<T>(string entity, string readSql, string deleteSql, long contractId, long id, long rowVersion) =>
        database.InTransactionAsync(null, async tx =>
        {
            if (await SingleAsync<T>(readSql, contractId, id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            if (await tx.Connection!.ExecuteAsync(deleteSql, new { ContractId = contractId, Id = id, RowVersion = rowVersion }, tx) == 0)
            {
                return WriteResult.Stale;
            }
            await audit.AppendAsync(tx, AuditAction.Delete, entity, id, before, null);
            return WriteResult.Written;
        });

    // Enums are stored by name: readable in the database and stable when members are added.
    private static object TariffParameters(TariffLine t) => new
    {
        t.Id, t.ContractId, t.ProductCategory, t.ProductCode, Unit = t.Unit.ToString(), t.PriceCents, t.ValidFrom, t.ValidTo, t.IndexationPercent, t.RowVersion,
    };

    private static object AgreementParameters(OutcomeAgreement a) => new
    {
        a.Id, a.ContractId, a.Indicator, a.Norm, Direction = a.Direction.ToString(), a.Unit, Frequency = a.Frequency.ToString(), a.Tolerance, a.RowVersion,
    };
}
