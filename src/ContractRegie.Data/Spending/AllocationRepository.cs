using System.Data.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Sql.Spending;
using Dapper;

namespace ContractRegie.Data.Spending;

/// <summary>The allocation register: its imports, the allocations, and what the spending checks read of them.</summary>
public sealed class AllocationRepository(Database database)
{
    public Task<AllocationImport?> ReadImportByHashAsync(string fileHash) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<AllocationImport>(AllocationSql.ImportByHash, new { FileHash = fileHash }));

    public Task<long> InsertImportAsync(string fileHash, AllocationSource source, string? fileName, int allocationsRead, string importedBy,
        DateTimeOffset importedAt, DbTransaction transaction) =>
        transaction.Connection!.ExecuteScalarAsync<long>(AllocationSql.InsertImport + ";\n" + database.Dialect.SelectInsertedId,
            new { FileHash = fileHash, Source = source, FileName = fileName, AllocationsRead = allocationsRead, ImportedBy = importedBy, ImportedAt = importedAt },
            transaction);

    public Task UpdateImportCountsAsync(long id, int inserted, int updated, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(AllocationSql.UpdateImportCounts, new { Id = id, Inserted = inserted, Updated = updated }, transaction);

    /// <summary>Writes the allocation under its number: a change when the municipality sent that number to the provider before. True when new.</summary>
    public async Task<bool> UpsertAsync(long importId, Allocation allocation, DbTransaction transaction)
    {
        var parameters = new
        {
            ImportId = importId, allocation.MunicipalityCode, allocation.ProviderAgbCode, allocation.Law, allocation.AllocationNumber,
            allocation.ClientPseudonym, allocation.ProductCategory, allocation.ProductCode, allocation.StartDate, allocation.EndDate, allocation.Volume,
            allocation.Unit, allocation.Frequency, allocation.BudgetCents,
        };
        if (await transaction.Connection!.ExecuteAsync(AllocationSql.UpdateAllocation, parameters, transaction) > 0)
        {
            return false;
        }
        await transaction.Connection!.ExecuteAsync(AllocationSql.InsertAllocation, parameters, transaction);
        return true;
    }
}
