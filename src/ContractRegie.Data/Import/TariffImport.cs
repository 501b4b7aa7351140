using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using Column = ContractRegie.Data.Import.RegisterColumns.Tariffs;

namespace ContractRegie.Data.Import;

/// <summary>A tariff row; the contract is named by number and resolved against the register.</summary>
internal sealed record TariffRow(TariffLine Tariff, string ContractNumber);

/// <summary>Tariff lines, keyed by contract, product category, product code and valid-from.</summary>
internal sealed class TariffImport(ContractRepository contracts, ContractTermsRepository terms) : RegisterImport<TariffRow>(Column.All)
{
    /// <summary>The scale of the database column.</summary>
    private const int IndexationDecimals = 4;

    private readonly Dictionary<string, long?> _contractIds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<TariffLine>> _tariffs = [];

    public override ImportColumn KeyColumn => Column.Productcode;

    public override string NaturalKey(TariffRow row) =>
        $"{row.ContractNumber}|{row.Tariff.ProductCategory}|{row.Tariff.ProductCode}|{row.Tariff.ValidFrom:yyyy-MM-dd}";

    public override string DuplicateMessage(int firstLine) =>
        $"Een tarief voor dit contract, deze productcategorie en productcode en deze geldig_van staat al op regel {firstLine}.";

    public override TariffRow? Parse(ImportRow row)
    {
        var tariff = new TariffLine
        {
            ProductCategory = row.Text(Column.Productcategorie),
            ProductCode = row.Text(Column.Productcode),
            Unit = row.Choice<TariffUnit>(Column.Eenheid),
            PriceCents = Money.FromEuros(row.Decimal(Column.Tarief)),
            ValidFrom = row.Date(Column.GeldigVan),
            ValidTo = row.OptionalDate(Column.GeldigTot),
            IndexationPercent = row.Decimal(Column.Indexatie, whenEmpty: 0m),
        };
        if (tariff.IndexationPercent.Scale > IndexationDecimals)
        {
            row.Error(Column.Indexatie, $"Hoogstens {IndexationDecimals} decimalen.");
        }
        var contractNumber = row.Text(Column.Contractnummer);
        return row.HasErrors ? null : new TariffRow(tariff, contractNumber);
    }

    public override async Task<PlannedWrite?> PlanAsync(int line, TariffRow row, ImportErrorList errors, DbTransaction transaction)
    {
        var contractId = await ContractIdAsync(row.ContractNumber, transaction);
        if (contractId is null)
        {
            errors.Add(line, Column.Contractnummer.Name, $"Er staat geen contract met nummer {row.ContractNumber} in het register.");
        }
        if (!IsValid(line, row.Tariff.Validate(), errors) || contractId is not { } id)
        {
            return null;
        }
        var tariffs = await TariffsAsync(id, transaction);
        var stored = tariffs.FirstOrDefault(t =>
            t.ProductCategory == row.Tariff.ProductCategory && t.ProductCode == row.Tariff.ProductCode && t.ValidFrom == row.Tariff.ValidFrom);
        var imported = row.Tariff with { Id = stored?.Id ?? 0, ContractId = id, RowVersion = stored?.RowVersion ?? 0, UpdatedAt = stored?.UpdatedAt ?? default };
        if (!IsValid(line, imported.Validate(tariffs), errors))
        {
            return null;
        }
        // Later rows are checked against this one, so two overlapping rows of one file are refused too.
        tariffs.Add(imported);
        if (stored is null)
        {
            return PlannedWrite.Insert(tx => terms.InsertTariffAsync(imported, tx));
        }
        tariffs.Remove(stored);
        return imported == stored ? PlannedWrite.Unchanged : PlannedWrite.Update(tx => terms.UpdateTariffAsync(imported, tx).Written());
    }

    private async Task<long?> ContractIdAsync(string contractNumber, DbTransaction transaction)
    {
        if (!_contractIds.TryGetValue(contractNumber, out var id))
        {
            _contractIds[contractNumber] = id = await contracts.ReadIdByNumberAsync(contractNumber, transaction);
        }
        return id;
    }

    /// <summary>
    /// The contract's tariffs as stored, read once per contract, with the rows of this file planned so far in place of
    /// the lines they replace: what a new row must not overlap.
    /// </summary>
    private async Task<List<TariffLine>> TariffsAsync(long contractId, DbTransaction transaction)
    {
        if (!_tariffs.TryGetValue(contractId, out var tariffs))
        {
            _tariffs[contractId] = tariffs = [.. await terms.ReadTariffsAsync(contractId, transaction)];
        }
        return tariffs;
    }
}
