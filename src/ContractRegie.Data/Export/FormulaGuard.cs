using System.Globalization;

namespace ContractRegie.Data.Export;

/// <summary>
/// The one neutraliser of every CSV and .xlsx export: text that a spreadsheet would run as a formula (starting with =, +,
/// -, @, tab or carriage return; provider-supplied names and invoice numbers can) gets a leading apostrophe, so Excel
/// shows it as text, also after someone edits the cell. Plain numbers such as a negative amount stay as they are.
/// </summary>
public static class FormulaGuard
{
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Neutralised(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) && !IsPlainNumber(text) ? "'" + text : text;

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Dutch, out _);
}
