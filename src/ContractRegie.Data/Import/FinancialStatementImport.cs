using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using Column = ContractRegie.Data.Import.RegisterColumns.FinancialStatements;

namespace ContractRegie.Data.Import;

/// <summary>A statement row; the provider is named by AGB-code and resolved against the register.</summary>
internal sealed record StatementRow(FinancialStatement Statement, string AgbCode);

/// <summary>Annual statements, keyed by provider and year, checked as they can be on <paramref name="today"/>.</summary>
internal sealed class FinancialStatementImport(ProviderRepository providers, FinancialStatementRepository statements, DateOnly today)
    : RegisterImport<StatementRow>(Column.All)
{
    public override ImportColumn KeyColumn => Column.Boekjaar;

    public override string NaturalKey(StatementRow row) => $"{row.AgbCode}|{row.Statement.Year}";

    public override string DuplicateMessage(int firstLine) => $"Een jaarrekening van deze aanbieder over dit boekjaar staat al op regel {firstLine}.";

    public override StatementRow? Parse(ImportRow row)
    {
        var statement = new FinancialStatement
        {
            Year = row.Count(Column.Boekjaar, whenEmpty: 0),
            RevenueCents = Cents(row, Column.Omzet),
            ResultCents = Cents(row, Column.Resultaat),
            EquityCents = Cents(row, Column.EigenVermogen),
            TotalAssetsCents = Cents(row, Column.Balanstotaal),
            CurrentAssetsCents = Cents(row, Column.VlottendeActiva),
            CurrentLiabilitiesCents = Cents(row, Column.KortlopendeSchulden),
            MunicipalRevenueCents = Cents(row, Column.OmzetGemeente),
            AuditorOpinion = row.Choice<AuditorOpinion>(Column.Accountantsverklaring),
            GoingConcernNote = row.Flag(Column.Continuiteit, whenEmpty: false),
            FiledOn = row.OptionalDate(Column.IngediendOp),
        };
        var agbCode = row.Code(Column.AgbCode, 8);
        return row.HasErrors ? null : new StatementRow(statement, agbCode);
    }

    public override async Task<PlannedWrite?> PlanAsync(int line, StatementRow row, ImportErrorList errors, DbTransaction transaction)
    {
        if (await providers.ReadByAgbCodeAsync(row.AgbCode, transaction) is not { } provider)
        {
            errors.Add(line, Column.AgbCode.Name, $"Er staat geen zorgaanbieder met AGB-code {row.AgbCode} in het register.");
            return null;
        }
        if (!IsValid(line, row.Statement.Validate(today), errors))
        {
            return null;
        }
        var stored = await statements.ReadByKeyAsync(provider.Id, row.Statement.Year, transaction);
        var imported = row.Statement with { Id = stored?.Id ?? 0, ProviderId = provider.Id, RowVersion = stored?.RowVersion ?? 0 };
        if (stored is null)
        {
            return PlannedWrite.Insert(tx => statements.InsertAsync(imported, tx));
        }
        return imported == stored ? PlannedWrite.Unchanged : PlannedWrite.Update(tx => statements.UpdateAsync(imported, tx).Written());
    }

    private static long Cents(ImportRow row, ImportColumn column) => Money.FromEuros(row.Decimal(column));
}
