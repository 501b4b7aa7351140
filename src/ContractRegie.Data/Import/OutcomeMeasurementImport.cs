using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using Column = ContractRegie.Data.Import.RegisterColumns.OutcomeMeasurements;

namespace ContractRegie.Data.Import;

/// <summary>A measurement row; the contract is named by number and resolved against the register.</summary>
internal sealed record MeasurementRow(OutcomeMeasurement Measurement, string ContractNumber);

/// <summary>
/// Outcome measurements, keyed by contract, indicator and period; each must match an outcome agreement of its contract
/// and a period that has begun on <paramref name="today"/>.
/// </summary>
internal sealed class OutcomeMeasurementImport(
    ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements, DateOnly today)
    : RegisterImport<MeasurementRow>(Column.All)
{
    private readonly Dictionary<string, long?> _contractIds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, IReadOnlyList<OutcomeAgreement>> _agreements = [];

    public override ImportColumn KeyColumn => Column.Periode;

    public override string NaturalKey(MeasurementRow row) => $"{row.ContractNumber}|{row.Measurement.Indicator}|{row.Measurement.Period}";

    public override string DuplicateMessage(int firstLine) => $"Een meting voor dit contract, deze indicator en deze periode staat al op regel {firstLine}.";

    public override MeasurementRow? Parse(ImportRow row)
    {
        var measurement = new OutcomeMeasurement
        {
            Indicator = row.Text(Column.Indicator),
            // "2026-k1" is stored as "2026-K1", so the key matches however it was typed.
            Period = ReportingPeriod.Normalize(row.Text(Column.Periode)),
            Value = row.Decimal(Column.Waarde),
            ReportedOn = row.Date(Column.GerapporteerdOp),
            Source = row.OptionalText(Column.Bron),
        };
        var contractNumber = row.Text(Column.Contractnummer);
        return row.HasErrors ? null : new MeasurementRow(measurement, contractNumber);
    }

    public override async Task<PlannedWrite?> PlanAsync(int line, MeasurementRow row, ImportErrorList errors, DbTransaction transaction)
    {
        if (!_contractIds.TryGetValue(row.ContractNumber, out var contractId))
        {
            _contractIds[row.ContractNumber] = contractId = await contracts.ReadIdByNumberAsync(row.ContractNumber, transaction);
        }
        if (contractId is not { } id)
        {
            errors.Add(line, Column.Contractnummer.Name, $"Er staat geen contract met nummer {row.ContractNumber} in het register.");
            return null;
        }
        if (!_agreements.TryGetValue(id, out var agreements))
        {
            _agreements[id] = agreements = await terms.ReadAgreementsAsync(id, transaction);
        }
        if (!IsValid(line, row.Measurement.ValidateAgainst(agreements, today), errors))
        {
            return null;
        }
        var stored = await measurements.ReadByKeyAsync(id, row.Measurement.Indicator, row.Measurement.Period, transaction);
        var imported = row.Measurement with { Id = stored?.Id ?? 0, ContractId = id, RowVersion = stored?.RowVersion ?? 0 };
        if (stored is null)
        {
            return PlannedWrite.Insert(tx => measurements.InsertAsync(imported, tx));
        }
        return imported == stored ? PlannedWrite.Unchanged : PlannedWrite.Update(tx => measurements.UpdateAsync(imported, tx).Written());
    }
}
