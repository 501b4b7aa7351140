using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Providers;
using Column = ContractRegie.Data.Import.RegisterColumns.Contracts;

namespace ContractRegie.Data.Import;

/// <summary>A contract row; the provider is named by AGB-code and resolved against the register.</summary>
internal sealed record ContractRow(Contract Contract, string ProviderAgbCode);

/// <summary>
/// Contracts with their municipalities and extension options, keyed by contract number: the stored ones and the providers the file
/// names read for the whole file at once, the new ones inserted together.
/// </summary>
/// <param name="today">The day the stored contracts' status was computed for, so an unchanged row compares equal.</param>
/// <param name="leadTimes">The route's lead time for a row that names none.</param>
internal sealed class ContractImport(ProviderRepository providers, ContractRepository contracts, DateOnly today, ProcurementLeadTimes leadTimes)
    : BulkRegisterImport<ContractRow, Contract>(Column.All)
{
    private static readonly char[] MunicipalitySeparators = [',', ' ', '\t'];

    private IReadOnlyDictionary<string, Provider> _providers = new Dictionary<string, Provider>();
    private IReadOnlyDictionary<string, Contract> _stored = new Dictionary<string, Contract>();

    public override ImportColumn KeyColumn => Column.Contractnummer;

    public override string NaturalKey(ContractRow row) => row.Contract.ContractNumber;

    public override string DuplicateMessage(int firstLine) => $"Dit contractnummer staat al op regel {firstLine}.";

    public override ContractRow? Parse(ImportRow row)
    {
        var route = row.Choice<ProcurementRoute>(Column.Aanbestedingsroute);
        var contract = new Contract
        {
            ContractNumber = row.Text(Column.Contractnummer),
            Title = row.Text(Column.Omschrijving),
            ProviderId = 0, // resolved from the AGB-code when the row is planned
            Kind = row.Choice<ContractKind>(Column.Soort),
            Law = row.Choice<Law>(Column.Wet),
            ProcurementRoute = route,
            Municipalities = MunicipalityCodes(row),
            StartDate = row.Date(Column.Startdatum),
            InitialEndDate = row.Date(Column.Einddatum),
            ExtensionOptions = ExtensionOptions(row),
            NoticePeriodMonths = row.Count(Column.Opzegtermijn, whenEmpty: 0),
            ProcurementLeadTimeMonths = row.Count(Column.DoorlooptijdAanbesteding, whenEmpty: leadTimes.For(route)),
            ContractOwner = row.OptionalText(Column.Contracteigenaar),
            ContractManager = row.OptionalText(Column.Contractmanager),
            TactischInkoper = row.OptionalText(Column.TactischInkoper),
            Status = row.Choice(Column.Status, whenEmpty: ContractStatus.Actief),
        };
        var providerAgbCode = row.Code(Column.AgbCode, 8);
        return row.HasErrors ? null : new ContractRow(contract, providerAgbCode);
    }

    public override async Task ReadStoredAsync(IReadOnlyList<ContractRow> rows, DbTransaction transaction)
    {
        _providers = await providers.ReadByAgbCodesAsync(rows.Select(row => row.ProviderAgbCode).Distinct(StringComparer.Ordinal), transaction);
        _stored = await contracts.ReadByNumbersAsync(rows.Select(NaturalKey), transaction);
    }

    protected override Task InsertAsync(IReadOnlyList<Contract> rows, DbTransaction transaction) => contracts.InsertManyAsync(rows, transaction);

    protected override PlannedWrite? Plan(int line, ContractRow row, ImportErrorList errors)
    {
        var providerId = _providers.TryGetValue(row.ProviderAgbCode, out var provider) ? provider.Id : (long?)null;
        if (providerId is null)
        {
            errors.Add(line, Column.AgbCode.Name, $"Er staat geen zorgaanbieder met AGB-code {row.ProviderAgbCode} in het register.");
        }
        var stored = _stored.GetValueOrDefault(row.Contract.ContractNumber);
        // The decision history and the time of the last change are not in the file: keeping the stored ones lets an unchanged row compare equal.
        var imported = row.Contract with
        {
            Id = stored?.Id ?? 0, ProviderId = providerId ?? 0, LatestDecision = stored?.LatestDecision, ProviderName = stored?.ProviderName,
            RowVersion = stored?.RowVersion ?? 0, UpdatedAt = stored?.UpdatedAt ?? default,
        };
        if (!IsValid(line, imported.Validate(), errors))
        {
            return null;
        }
        if (stored is null)
        {
            return Insert(imported);
        }
        return IsUnchanged(stored, imported with { Status = KeyDateRules.StatusOn(imported, today) }) ? PlannedWrite.Unchanged : PlannedWrite.Update(tx => contracts.UpdateAsync(imported, tx).Written());
    }

    /// <summary>Record equality compares the lists by reference, so their contents are compared first.</summary>
    private static bool IsUnchanged(Contract stored, Contract imported) =>
        stored.Municipalities.SequenceEqual(imported.Municipalities)
        && stored.ExtensionOptions.SequenceEqual(imported.ExtensionOptions)
        && stored == imported with { Municipalities = stored.Municipalities, ExtensionOptions = stored.ExtensionOptions };

    /// <summary>In code order, the order the repository reads them back in, so an unchanged row compares equal.</summary>
    private static List<string> MunicipalityCodes(ImportRow row) =>
        row.Text(Column.Gemeenten)
            .Split(MunicipalitySeparators, StringSplitOptions.RemoveEmptyEntries)
            .Select(code => CsvValues.RestoreLeadingZeros(code, 4))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>"12+12" with opties_gelicht 1: two options of twelve months, the first exercised.</summary>
    private static List<ExtensionOption> ExtensionOptions(ImportRow row)
    {
        var text = row.OptionalText(Column.Opties);
        var durations = new List<int>();
        foreach (var part in text?.Split('+', StringSplitOptions.TrimEntries) ?? [])
        {
            if (!CsvValues.TryParseCount(part, out var months))
            {
                row.Error(Column.Opties, $"'{text}' is geen reeks looptijden in maanden; gebruik bijvoorbeeld 12+12.");
                return [];
            }
            durations.Add(months);
        }
        var exercised = row.Count(Column.OptiesGelicht, whenEmpty: 0);
        if (exercised > durations.Count)
        {
            row.Error(Column.OptiesGelicht, $"Meer gelichte opties ({exercised}) dan opties ({durations.Count}).");
        }
        return durations.Select((months, index) => new ExtensionOption(index + 1, months, index < exercised)).ToList();
    }
}
