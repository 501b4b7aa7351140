using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using Column = ContractRegie.Data.Import.AllocationColumns;

namespace ContractRegie.Data.Import;

/// <summary>The allocation CSV: the same allocations a 301 message carries, one a row, in UTF-8 or the Dutch Excel export.</summary>
internal static class AllocationCsvReader
{
    /// <summary>Every allocation of the file; problems go to <paramref name="errors"/> with their line.</summary>
    public static async Task<(int RowsRead, List<ReadAllocation> Allocations)> ReadAsync(
        Stream file, ClientPseudonym pseudonym, ImportErrorList errors, CancellationToken cancellationToken)
    {
        var allocations = new List<ReadAllocation>();
        using var table = await CsvTable.OpenAsync(file, Column.All, errors, cancellationToken);
        if (table is null)
        {
            return (0, allocations);
        }
        try
        {
            while (await table.ReadAsync(errors, cancellationToken) is { } row)
            {
                if (Parse(row, pseudonym) is { } allocation)
                {
                    allocations.Add(new ReadAllocation(row.Line, allocation));
                }
            }
        }
        catch (CsvFormatException broken)
        {
            errors.Add(broken.Line, null, broken.Message);
        }
        return (table.RowsRead, allocations);
    }

    private static Allocation? Parse(ImportRow row, ClientPseudonym pseudonyms)
    {
        var municipality = row.Code(Column.Gemeente, 4);
        var agb = row.Code(Column.AgbCode, 8);
        var law = row.Choice<Law>(Column.Wet);
        var number = row.Text(Column.Toewijzingnummer);
        var bsn = row.Text(Column.Bsn);
        var client = bsn.Length > 0 ? SpendingCsvReader.PseudonymOf(row, Column.Bsn, bsn, pseudonyms) : null;
        var category = row.Text(Column.Productcategorie);
        var code = row.OptionalText(Column.Productcode);
        var start = row.Date(Column.Begindatum);
        var end = row.OptionalDate(Column.Einddatum);
        var volume = row.OptionalText(Column.Volume) is null ? (decimal?)null : row.Decimal(Column.Volume);
        var unitText = row.OptionalText(Column.Eenheid);
        var unit = SpendingCsvReader.UnitOf(row, Column.Eenheid, unitText ?? "");
        var frequencyText = row.OptionalText(Column.Frequentie);
        var frequency = frequencyText is null ? null : Allocation.FrequencyFromCode(frequencyText);
        var budget = row.OptionalText(Column.Budget) is null ? (decimal?)null : row.Decimal(Column.Budget);
        SpendingCsvReader.CheckCodes(row, Column.AgbCode, agb, Column.Gemeente, municipality);
        if (end < start)
        {
            row.Error(Column.Einddatum, "Einddatum ligt voor de begindatum.");
        }
        if (frequencyText is not null && frequency is null)
        {
            row.Error(Column.Frequentie, "Gebruik 1 (per dag), 2 (per week), 4 (per maand) of 6 (totaal).");
        }
        if (volume is not null && (unitText is null || frequencyText is null))
        {
            row.Error(Column.Volume, "Een volume vraagt om een eenheid en een frequentie.");
        }
        if (volume is < 0 or > SpendingLimits.MaxVolume)
        {
            row.Error(Column.Volume, $"Volume ligt niet tussen 0 en {DutchFormat.Number(SpendingLimits.MaxVolume)}.");
        }
        if (budget is < 0 || budget > Money.ToEuros(Money.MaxCents))
        {
            row.Error(Column.Budget, Money.OutOfRangeMessage);
        }
        if (row.HasErrors || client is null)
        {
            return null;
        }
        return new Allocation
        {
            MunicipalityCode = municipality, ProviderAgbCode = agb, Law = law, AllocationNumber = number, ClientPseudonym = client,
            ProductCategory = category, ProductCode = code, StartDate = start, EndDate = end, Volume = volume, Unit = unit,
            Frequency = frequency, BudgetCents = budget is { } euros ? Money.FromEuros(euros) : null,
        };
    }
}
