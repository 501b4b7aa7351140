namespace ContractRegie.Core.Common;

/// <summary>Format checks for the Dutch registration numbers the register holds.</summary>
public static class Identifiers
{
    /// <summary>KvK-nummer: eight digits (Handelsregister).</summary>
    public static bool IsKvkNumber(string? value) => IsDigits(value, 8);

    /// <summary>AGB-code: eight digits (Vektis), the code providers use in iWmo/iJw messages.</summary>
    public static bool IsAgbCode(string? value) => IsDigits(value, 8);

    /// <summary>CBS gemeentecode: four digits, e.g. 0141 for Almelo.</summary>
    public static bool IsMunicipalityCode(string? value) => IsDigits(value, 4);

    private static bool IsDigits(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}
