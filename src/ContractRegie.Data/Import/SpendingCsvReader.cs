using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;
using Column = ContractRegie.Data.Import.SpendingColumns;

namespace ContractRegie.Data.Import;

/// <summary>The financial administration's spending CSV (docs/spending-import.md), in UTF-8 or the Dutch Excel export.</summary>
internal sealed class SpendingCsvReader : ISpendingReader
{
    /// <summary>The volume column is decimal(12, 2).</summary>
    private const decimal MaxVolume = 10_000_000_000m;

    private readonly CsvTable _table;
    private readonly ClientPseudonym _pseudonym;

    private SpendingCsvReader(CsvTable table, ClientPseudonym pseudonym)
    {
        _table = table;
        _pseudonym = pseudonym;
    }

    public SpendingSource Source => SpendingSource.Csv;
    public DeclarationHeader? Declaration => null;
    public int LinesRead => _table.RowsRead;

    /// <summary>The reader positioned after the header, or null when the header is missing or wrong (reported).</summary>
    public static async Task<SpendingCsvReader?> OpenAsync(Stream file, ClientPseudonym pseudonym, ImportErrorList errors, CancellationToken cancellationToken) =>
        await CsvTable.OpenAsync(file, Column.All, errors, cancellationToken) is { } table ? new SpendingCsvReader(table, pseudonym) : null;

    public async Task<ReadSpendingLine?> ReadAsync(ImportErrorList errors, CancellationToken cancellationToken)
    {
        try
        {
            while (await _table.ReadAsync(errors, cancellationToken) is { } row)
            {
                if (Parse(row) is { } line)
                {
                    return new ReadSpendingLine(row.Line, line);
                }
            }
        }
        catch (CsvFormatException broken)
        {
            errors.Add(broken.Line, null, broken.Message);
        }
        return null;
    }

    public void Complete(ImportErrorList errors)
    {
    }

    public void Dispose() => _table.Dispose();

    private SpendingLine? Parse(ImportRow row)
    {
        var agb = row.Code(Column.AgbCode, 8);
        var municipality = row.Code(Column.Gemeente, 4);
        var law = row.Choice<Law>(Column.Wet);
        var category = row.Text(Column.Productcategorie);
        var code = row.Text(Column.Productcode);
        var start = row.Date(Column.Begindatum);
        var end = row.Date(Column.Einddatum);
        var volume = row.Decimal(Column.Volume);
        var unit = Unit(row);
        var euros = row.Decimal(Column.Bedrag);
        var debetCredit = DebetCreditOf(row, euros);
        var number = row.Text(Column.Factuurnummer);
        var pseudonym = Pseudonym(row);
        CheckCodes(row, Column.AgbCode, agb, Column.Gemeente, municipality);
        if (end < start)
        {
            row.Error(Column.Einddatum, "Einddatum ligt voor de begindatum.");
        }
        if (volume < 0)
        {
            row.Error(Column.Volume, "Volume mag niet negatief zijn.");
        }
        if (volume >= MaxVolume)
        {
            row.Error(Column.Volume, $"Volume is {MaxVolume} of meer.");
        }
        if (Math.Abs(euros) > Money.ToEuros(Money.MaxCents))
        {
            row.Error(Column.Bedrag, Money.OutOfRangeMessage);
        }
        if (row.HasErrors)
        {
            return null;
        }
        return new SpendingLine
        {
            ProviderAgbCode = agb, MunicipalityCode = municipality, Law = law, ProductCategory = category, ProductCode = code,
            DeliveryStart = start, DeliveryEnd = end, Volume = volume, Unit = unit!.Value, AmountCents = Math.Abs(Money.FromEuros(euros)),
            DebetCredit = debetCredit, DeclarationNumber = number, ProductReference = row.OptionalText(Column.Referentie),
            AllocationNumber = row.OptionalText(Column.Toewijzingnummer), ClientPseudonym = pseudonym,
        };
    }

    /// <summary>An AGB-code of 8 digits and a CBS municipality code of 4; empty cells are reported as required already.</summary>
    internal static void CheckCodes(ImportRow row, ImportColumn agbColumn, string agb, ImportColumn municipalityColumn, string municipality)
    {
        if (agb.Length > 0 && !Identifiers.IsAgbCode(agb))
        {
            row.Error(agbColumn, "Een AGB-code heeft 8 cijfers.");
        }
        if (municipality.Length > 0 && !Identifiers.IsMunicipalityCode(municipality))
        {
            row.Error(municipalityColumn, "Een CBS-gemeentecode heeft 4 cijfers.");
        }
    }

    private static SpendingUnit? Unit(ImportRow row) => UnitOf(row, Column.Eenheid, row.Text(Column.Eenheid));

    /// <summary>A unit by name or iWmo/iJw code; null for an empty cell, or reported when it is no unit.</summary>
    internal static SpendingUnit? UnitOf(ImportRow row, ImportColumn column, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if ((SpendingUnits.FromCode(text) ?? (CsvValues.TryParseName<SpendingUnit>(text, out var named) ? named : null)) is { } unit)
        {
            return unit;
        }
        row.Error(column, $"'{text}' is geen eenheid; kies uit {string.Join(", ", Enum.GetNames<SpendingUnit>())} of een iWmo/iJw-code.");
        return null;
    }

    /// <summary>An explicit D or C wins; a negative amount without one is a credit. A negative amount marked D contradicts itself.</summary>
    private static DebetCredit DebetCreditOf(ImportRow row, decimal euros)
    {
        var text = row.OptionalText(Column.DebetCredit)?.ToUpperInvariant();
        DebetCredit? given = text switch
        {
            null => null,
            "D" or "DEBET" => DebetCredit.Debet,
            "C" or "CREDIT" => DebetCredit.Credit,
            _ => Invalid(row),
        };
        if (given == DebetCredit.Debet && euros < 0)
        {
            row.Error(Column.Bedrag, "Een negatief bedrag op een debetregel; gebruik een positief bedrag met C voor credit.");
        }
        return given ?? (euros < 0 ? DebetCredit.Credit : DebetCredit.Debet);

        static DebetCredit? Invalid(ImportRow row)
        {
            row.Error(Column.DebetCredit, "Gebruik D (debet) of C (credit).");
            return null;
        }
    }

    private string? Pseudonym(ImportRow row) =>
        row.OptionalText(Column.Bsn) is { } bsn ? PseudonymOf(row, Column.Bsn, bsn, _pseudonym) : null;

    /// <summary>The BSN is replaced here; an error never repeats it. Leading zeros a spreadsheet dropped are restored.</summary>
    internal static string? PseudonymOf(ImportRow row, ImportColumn column, string bsn, ClientPseudonym pseudonyms)
    {
        var pseudonym = pseudonyms.For(CsvValues.RestoreLeadingZeros(bsn, 9));
        if (pseudonym is null)
        {
            row.Error(column, "Geen geldig BSN (9 cijfers en de elfproef).");
        }
        return pseudonym;
    }
}
