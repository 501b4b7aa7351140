using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Data.Import;

namespace ContractRegie.Web.Pages.Forms;

/// <summary>
/// Reads typed form text as Dutch people write it (the import's notation: "72,50", "1.234,56", "31-12-2026"). An empty
/// field is null, so the API's own "Is verplicht." applies; text that is not a value is an error under the API's field name.
/// </summary>
public static class FormValues
{
    public static decimal? Decimal(string? text, string field, ValidationErrors errors)
    {
        if (Empty(text))
        {
            return null;
        }
        if (CsvValues.TryParseDecimal(text!.Trim(), ',', out var value))
        {
            return value;
        }
        errors.Add(field, "Geen getal; schrijf bijvoorbeeld 72,50.");
        return null;
    }

    public static long? Cents(string? euros, string field, ValidationErrors errors) =>
        Decimal(euros, field, errors) is { } value ? Money.FromEuros(value) : null;

    public static int? Whole(string? text, string field, ValidationErrors errors)
    {
        if (Empty(text))
        {
            return null;
        }
        if (int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(field, "Geen geheel getal.");
        return null;
    }

    public static DateOnly? Date(string? text, string field, ValidationErrors errors)
    {
        if (Empty(text))
        {
            return null;
        }
        if (CsvValues.TryParseDate(text!.Trim(), out var date))
        {
            return date;
        }
        errors.Add(field, "Geen datum; schrijf bijvoorbeeld 31-12-2026.");
        return null;
    }

    public static TEnum? Choice<TEnum>(string? text, string field, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (Empty(text))
        {
            return null;
        }
        if (CsvValues.TryParseName<TEnum>(text!.Trim(), out var value))
        {
            return value;
        }
        errors.Add(field, "Kies een van de mogelijkheden.");
        return null;
    }

    /// <summary>An amount in cents as the form shows it: "72,50" (no currency sign, so it reads back).</summary>
    public static string Euros(long cents) => Money.ToEuros(cents).ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>A decimal as the form shows it, with all the places the API keeps: "3,2500" reads back as "3,25".</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.GetCultureInfo("nl-NL"));

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static bool Empty(string? text) => string.IsNullOrWhiteSpace(text);
}
