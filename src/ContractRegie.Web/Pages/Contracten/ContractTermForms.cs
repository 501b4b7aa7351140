using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Forms;

namespace ContractRegie.Web.Pages.Contracten;

/// <summary>
/// The posted text of one contract term: turned into the API's input type, so the API's rules check it, and filled
/// from a stored term to change it. <see cref="Fields"/> names each input with the API's field name.
/// </summary>
public interface IContractTermForm<TSelf, TInput, T> where TSelf : IContractTermForm<TSelf, TInput, T>, new()
{
    static abstract TSelf From(T item);
    /// <summary>The column headings and cells of the list of stored terms.</summary>
    static abstract IReadOnlyList<string> Headings { get; }
    static abstract IReadOnlyList<string> Cells(T item);
    TInput ToInput(ValidationErrors unreadable);
    IReadOnlyList<FormField> Fields();
}

public sealed class TariffForm : IContractTermForm<TariffForm, TariffInput, TariffLine>
{
    public string? ProductCategory { get; set; }
    public string? ProductCode { get; set; }
    public string? Unit { get; set; }
    public string? Price { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? Indexation { get; set; }

    public static TariffForm From(TariffLine t) => new()
    {
        ProductCategory = t.ProductCategory, ProductCode = t.ProductCode, Unit = t.Unit.ToString(), Price = FormValues.Euros(t.PriceCents),
        ValidFrom = FormValues.Date(t.ValidFrom), ValidTo = FormValues.Date(t.ValidTo), Indexation = FormValues.Number(t.IndexationPercent),
    };

    public static IReadOnlyList<string> Headings { get; } = ["Categorie", "Code", "Eenheid", "Tarief", "Geldig", "Indexatie"];

    public static IReadOnlyList<string> Cells(TariffLine t) =>
    [
        t.ProductCategory, t.ProductCode, t.Unit.ToString(), Money.Format(t.PriceCents),
        $"{DutchDates.Format(t.ValidFrom)} – {DutchDates.Format(t.ValidTo)}", $"{DutchDates.Number(t.IndexationPercent)} %",
    ];

    public TariffInput ToInput(ValidationErrors unreadable) => new(ProductCategory, ProductCode,
        FormValues.Choice<TariffUnit>(Unit, "unit", unreadable), FormValues.Cents(Price, "priceCents", unreadable),
        FormValues.Date(ValidFrom, "validFrom", unreadable), FormValues.Date(ValidTo, "validTo", unreadable),
        FormValues.Decimal(Indexation, "indexationPercent", unreadable));

    public IReadOnlyList<FormField> Fields() =>
    [
        new("Form.ProductCategory", "productCategory", "Productcategorie", ProductCategory, Hint: "2 cijfers, bijv. 45"),
        new("Form.ProductCode", "productCode", "Productcode", ProductCode, Hint: "5 tekens, bijv. 45A53"),
        new("Form.Unit", "unit", "Eenheid", Unit, FieldKind.Select, FormField.OptionsOf<TariffUnit>()),
        new("Form.Price", "priceCents", "Tarief in euro's per eenheid", Price, Hint: "bijv. 72,50"),
        new("Form.ValidFrom", "validFrom", "Geldig vanaf", ValidFrom, FieldKind.Date),
        new("Form.ValidTo", "validTo", "Geldig tot en met", ValidTo, FieldKind.Date, Hint: "leeg is doorlopend"),
        new("Form.Indexation", "indexationPercent", "Jaarlijkse indexatie in procenten", Indexation, Hint: "bijv. 3,25; leeg is 0"),
    ];
}

public sealed class BudgetForm : IContractTermForm<BudgetForm, BudgetInput, BudgetCeiling>
{
    public string? Year { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Amount { get; set; }

    public static BudgetForm From(BudgetCeiling b) =>
        new() { Year = b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), MunicipalityCode = b.MunicipalityCode, Amount = FormValues.Euros(b.AmountCents) };

    public static IReadOnlyList<string> Headings { get; } = ["Jaar", "Gemeente", "Budget"];

    public static IReadOnlyList<string> Cells(BudgetCeiling b) =>
        [b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), b.MunicipalityCode, Money.Format(b.AmountCents)];

    public BudgetInput ToInput(ValidationErrors unreadable) => new(FormValues.Whole(Year, "year", unreadable), MunicipalityCode,
        FormValues.Cents(Amount, "amountCents", unreadable));

    public IReadOnlyList<FormField> Fields() =>
    [
        new("Form.Year", "year", "Jaar", Year, Hint: "bijv. 2026"),
        new("Form.MunicipalityCode", "municipalityCode", "Gemeentecode (CBS)", MunicipalityCode, Hint: "4 cijfers, bijv. 0141 voor Almelo"),
        new("Form.Amount", "amountCents", "Budgetplafond in euro's", Amount, Hint: "bijv. 250.000,00"),
    ];
}

public sealed class AgreementForm : IContractTermForm<AgreementForm, OutcomeAgreementInput, OutcomeAgreement>
{
    public string? Indicator { get; set; }
    public string? Norm { get; set; }
    public string? Direction { get; set; }
    public string? Unit { get; set; }
    public string? Frequency { get; set; }
    public string? Tolerance { get; set; }

    public static AgreementForm From(OutcomeAgreement a) => new()
    {
        Indicator = a.Indicator, Norm = FormValues.Number(a.Norm), Direction = a.Direction.ToString(), Unit = a.Unit,
        Frequency = a.Frequency.ToString(), Tolerance = FormValues.Number(a.Tolerance),
    };

    public static IReadOnlyList<string> Headings { get; } = ["Indicator", "Norm", "Frequentie"];

    public static IReadOnlyList<string> Cells(OutcomeAgreement a) =>
    [
        a.Indicator, $"{DirectionSign(a.Direction)} {DutchDates.Number(a.Norm)} {a.Unit} (± {DutchDates.Number(a.Tolerance)})", a.Frequency.ToString(),
    ];

    public OutcomeAgreementInput ToInput(ValidationErrors unreadable) => new(Indicator, FormValues.Decimal(Norm, "norm", unreadable),
        FormValues.Choice<NormDirection>(Direction, "direction", unreadable), Unit,
        FormValues.Choice<ReportingFrequency>(Frequency, "frequency", unreadable), FormValues.Decimal(Tolerance, "tolerance", unreadable));

    public IReadOnlyList<FormField> Fields() =>
    [
        new("Form.Indicator", "indicator", "Indicator", Indicator, Hint: "kies een standaardindicator of typ een eigen",
            Suggestions: OutcomeAgreement.Defaults.Select(d => d.Indicator).ToList()),
        new("Form.Direction", "direction", "Richting", Direction, FieldKind.Select,
            FormField.OptionsOf<NormDirection>(d => d == NormDirection.AtLeast ? "Ten minste (≥)" : "Ten hoogste (≤)")),
        new("Form.Norm", "norm", "Norm", Norm, Hint: "bijv. 75 of 7,5"),
        new("Form.Unit", "unit", "Eenheid", Unit, Hint: "bijv. %, dagen of score"),
        new("Form.Frequency", "frequency", "Rapportage", Frequency, FieldKind.Select, FormField.OptionsOf<ReportingFrequency>()),
        new("Form.Tolerance", "tolerance", "Tolerantie", Tolerance, Hint: "in de eenheid van de norm; leeg is 0"),
    ];

    private static string DirectionSign(NormDirection direction) => direction == NormDirection.AtLeast ? "≥" : "≤";
}
