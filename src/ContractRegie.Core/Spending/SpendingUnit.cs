using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>Debet adds to spending; credit reverses an earlier debet (iWmo/iJw COD043: D or C).</summary>
public enum DebetCredit { Debet, Credit }

/// <summary>The units a declaration counts in (iWmo/iJw WJ756), plus the week some local tariffs use.</summary>
public enum SpendingUnit { Minuut, Uur, Dagdeel, Etmaal, Week, Stuk, Euro }

public static class SpendingUnits
{
    /// <summary>The WJ756 code of a declaration's Eenheid: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82/84 stuks, 83 euro's.</summary>
    public static SpendingUnit? FromCode(string code) => code switch
    {
        "01" => SpendingUnit.Minuut,
        "04" => SpendingUnit.Uur,
        "14" => SpendingUnit.Etmaal,
        "16" => SpendingUnit.Dagdeel,
        "82" or "84" => SpendingUnit.Stuk,
        "83" => SpendingUnit.Euro,
        _ => null,
    };

    public static DebetCredit? DebetCreditFromCode(string code) => code switch
    {
        "D" => DebetCredit.Debet,
        "C" => DebetCredit.Credit,
        _ => null,
    };

    /// <summary>
    /// <paramref name="volume"/> expressed in the tariff's unit, or null when the two cannot be compared: minutes
    /// convert to hours, otherwise the unit must be the tariff's own. A declaration in euro's has no volume to price.
    /// </summary>
    public static decimal? InTariffUnits(decimal volume, SpendingUnit unit, TariffUnit tariffUnit) => (unit, tariffUnit) switch
    {
        (SpendingUnit.Minuut, TariffUnit.Uur) => volume / 60m,
        (SpendingUnit.Uur, TariffUnit.Uur) or (SpendingUnit.Dagdeel, TariffUnit.Dagdeel) or (SpendingUnit.Etmaal, TariffUnit.Etmaal)
            or (SpendingUnit.Week, TariffUnit.Week) or (SpendingUnit.Stuk, TariffUnit.Stuk) => volume,
        _ => null,
    };

    /// <summary><paramref name="volume"/> in <paramref name="to"/>: the same unit, or minutes and hours; null otherwise.</summary>
    public static decimal? Convert(decimal volume, SpendingUnit from, SpendingUnit to) => (from, to) switch
    {
        _ when from == to => volume,
        (SpendingUnit.Minuut, SpendingUnit.Uur) => volume / 60m,
        (SpendingUnit.Uur, SpendingUnit.Minuut) => volume * 60m,
        _ => null,
    };
}
