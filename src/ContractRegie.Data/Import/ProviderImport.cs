using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Providers;
using Column = ContractRegie.Data.Import.RegisterColumns.Providers;

namespace ContractRegie.Data.Import;

/// <summary>Zorgaanbieders, keyed by AGB-code: the stored ones read for the whole file at once, the new ones inserted together.</summary>
internal sealed class ProviderImport(ProviderRepository providers) : BulkRegisterImport<Provider, Provider>(Column.All)
{
    private IReadOnlyDictionary<string, Provider> _stored = new Dictionary<string, Provider>();

    public override ImportColumn KeyColumn => Column.AgbCode;

    public override string NaturalKey(Provider provider) => provider.AgbCode;

    public override string DuplicateMessage(int firstLine) => $"Deze AGB-code staat al op regel {firstLine}.";

    public override Provider? Parse(ImportRow row)
    {
        var provider = new Provider
        {
            Name = row.Text(Column.Naam),
            KvkNumber = row.Code(Column.KvkNummer, 8),
            AgbCode = row.Code(Column.AgbCode, 8),
            Street = row.OptionalText(Column.Straat),
            PostalCode = row.OptionalText(Column.Postcode),
            City = row.OptionalText(Column.Plaats),
            ContactEmail = row.OptionalText(Column.Email),
            ContractManager = row.OptionalText(Column.Contractmanager),
            OzjtTop16 = row.Flag(Column.OzjtTop16, whenEmpty: false),
            Active = row.Flag(Column.Actief, whenEmpty: true),
        };
        return row.HasErrors ? null : provider;
    }

    public override async Task ReadStoredAsync(IReadOnlyList<Provider> rows, DbTransaction transaction) =>
        _stored = await providers.ReadByAgbCodesAsync(rows.Select(NaturalKey), transaction);

    protected override Task InsertAsync(IReadOnlyList<Provider> rows, DbTransaction transaction) => providers.InsertManyAsync(rows, transaction);

    protected override PlannedWrite? Plan(int line, Provider provider, ImportErrorList errors)
    {
        if (!IsValid(line, provider.Validate(), errors))
        {
            return null;
        }
        if (!_stored.TryGetValue(provider.AgbCode, out var stored))
        {
            return Insert(provider);
        }
        var imported = provider with { Id = stored.Id, RowVersion = stored.RowVersion, UpdatedAt = stored.UpdatedAt };
        return imported == stored ? PlannedWrite.Unchanged : PlannedWrite.Update(tx => providers.UpdateAsync(imported, tx).Written());
    }
}
