using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Sql.Contracts;
using Dapper;

namespace ContractRegie.Data.Contracts;

/// <summary>Tariff lines, budget ceilings and outcome agreements of a contract. Every statement is scoped to the contract.</summary>
public sealed class ContractTermsRepository(Database database)
{
    public Task<IReadOnlyList<TariffLine>> ReadTariffsAsync(long contractId, DbTransaction? transaction = null) =>
        ListAsync<TariffLine>(ContractTermsSql.TariffsByContractId, contractId, transaction);
    public Task<TariffLine?> ReadTariffAsync(long contractId, long id) => SingleAsync<TariffLine>(ContractTermsSql.TariffById, contractId, id);
    public Task<long?> ReadTariffIdAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<long?>(ContractTermsSql.TariffByProduct, TariffParameters(tariff), transaction));
    public Task<long> InsertTariffAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        InsertAsync(ContractTermsSql.InsertTariff, TariffParameters(tariff), transaction);
    public Task<bool> UpdateTariffAsync(TariffLine tariff, DbTransaction? transaction = null) =>
        ChangeAsync(ContractTermsSql.UpdateTariff, TariffParameters(tariff), transaction);
    public Task<bool> DeleteTariffAsync(long contractId, long id) => ChangeAsync(ContractTermsSql.DeleteTariff, new { ContractId = contractId, Id = id });

    public Task<IReadOnlyList<BudgetCeiling>> ReadBudgetsAsync(long contractId) => ListAsync<BudgetCeiling>(ContractTermsSql.BudgetsByContractId, contractId);
    public Task<BudgetCeiling?> ReadBudgetAsync(long contractId, long id) => SingleAsync<BudgetCeiling>(ContractTermsSql.BudgetById, contractId, id);
    public Task<long> InsertBudgetAsync(BudgetCeiling budget, DbTransaction? transaction = null) =>
        InsertAsync(ContractTermsSql.InsertBudget, budget, transaction);
    public Task<bool> UpdateBudgetAsync(BudgetCeiling budget) => ChangeAsync(ContractTermsSql.UpdateBudget, budget);
    public Task<bool> DeleteBudgetAsync(long contractId, long id) => ChangeAsync(ContractTermsSql.DeleteBudget, new { ContractId = contractId, Id = id });

    public Task<IReadOnlyList<OutcomeAgreement>> ReadAgreementsAsync(long contractId) =>
        ListAsync<OutcomeAgreement>(ContractTermsSql.AgreementsByContractId, contractId);
    public Task<OutcomeAgreement?> ReadAgreementAsync(long contractId, long id) =>
        SingleAsync<OutcomeAgreement>(ContractTermsSql.AgreementById, contractId, id);
    public Task<long> InsertAgreementAsync(OutcomeAgreement agreement, DbTransaction? transaction = null) =>
        InsertAsync(ContractTermsSql.InsertAgreement, AgreementParameters(agreement), transaction);
    public Task<bool> UpdateAgreementAsync(OutcomeAgreement agreement) => ChangeAsync(ContractTermsSql.UpdateAgreement, AgreementParameters(agreement));
    public Task<bool> DeleteAgreementAsync(long contractId, long id) => ChangeAsync(ContractTermsSql.DeleteAgreement, new { ContractId = contractId, Id = id });

    private Task<IReadOnlyList<T>> ListAsync<T>(string sql, long contractId, DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyList<T>>(transaction, async c => (await c.QueryAsync<T>(sql, new { ContractId = contractId }, transaction)).AsList());

    private Task<T?> SingleAsync<T>(string sql, long contractId, long id) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<T>(sql, new { ContractId = contractId, Id = id }));

    private Task<long> InsertAsync(string sql, object parameters, DbTransaction? transaction) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<long>(sql + ";\n" + database.Dialect.SelectInsertedId, parameters, transaction));

    private Task<bool> ChangeAsync(string sql, object parameters, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c => await c.ExecuteAsync(sql, parameters, transaction) == 1);

    // Enums are stored by name: readable in the database and stable when members are added.
    private static object TariffParameters(TariffLine t) => new
    {
        t.Id, t.ContractId, t.ProductCategory, t.ProductCode, Unit = t.Unit.ToString(), t.PriceCents, t.ValidFrom, t.ValidTo, t.IndexationPercent,
    };

    private static object AgreementParameters(OutcomeAgreement a) => new
    {
        a.Id, a.ContractId, a.Indicator, a.Norm, Direction = a.Direction.ToString(), a.Unit, Frequency = a.Frequency.ToString(), a.Tolerance,
    };
}
