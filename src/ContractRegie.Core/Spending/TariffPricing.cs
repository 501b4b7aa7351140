using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>A stretch of a delivery period at one price: one tariff line in one calendar year, with its share of the volume.</summary>
public sealed record TariffPart(DateOnly From, DateOnly To, TariffLine Tariff, long PriceCents, decimal Volume);

/// <summary>What a line should cost: per part, and in total (whole cents, half away from zero).</summary>
public sealed record TariffPrice(IReadOnlyList<TariffPart> Parts, long ExpectedCents);

/// <summary>
/// Prices a delivered volume at the contracted tariffs. The price of a day is that of the tariff line valid on it,
/// indexed for the day's calendar year (<see cref="TariffLine.PriceCentsIn"/>). A delivery period that crosses a change of
/// line or of year is priced per part, the volume shared over the parts in proportion to their days; each part's
/// volume is expressed in the unit of its own tariff line.
/// </summary>
public static class TariffPricing
{
    /// <summary>
    /// The price of <paramref name="line"/> at <paramref name="tariffs"/> (the contract's lines; other products are
    /// ignored). Null when a day of the delivery has no tariff (nothing to compare with: the tariff table may lag) or
    /// the line is declared in euro's. <paramref name="unitMismatch"/> is the first tariff whose unit the line's volume
    /// cannot be expressed in.
    /// </summary>
    public static TariffPrice? Price(SpendingLine line, IEnumerable<TariffLine> tariffs, out TariffLine? unitMismatch) =>
        Price(line.ProductCategory, line.ProductCode, line.Volume, line.Unit, line.DeliveryStart, line.DeliveryEnd, tariffs, out unitMismatch);

    /// <summary>The price of <paramref name="volume"/> of a product delivered from <paramref name="start"/> to <paramref name="end"/>, as above.</summary>
    public static TariffPrice? Price(string productCategory, string productCode, decimal volume, SpendingUnit unit, DateOnly start, DateOnly end,
        IEnumerable<TariffLine> tariffs, out TariffLine? unitMismatch)
    {
        unitMismatch = null;
        var forProduct = tariffs.Where(t => t.ProductCategory == productCategory && t.ProductCode == productCode).ToList();
        if (unit == SpendingUnit.Euro || Periods(forProduct, start, end) is not { } periods)
        {
            return null;
        }
        var totalDays = (decimal)Days.Inclusive(start, end);
        var parts = new List<TariffPart>(periods.Count);
        var expectedEuros = 0m;
        foreach (var (from, to, tariff) in periods)
        {
            if (SpendingUnits.InTariffUnits(volume, unit, tariff.Unit) is not { } inTariffUnits)
            {
                unitMismatch = tariff;
                return null;
            }
            var price = tariff.PriceCentsIn(from.Year);
            var share = periods.Count == 1 ? inTariffUnits : inTariffUnits * Days.Inclusive(from, to) / totalDays;
            parts.Add(new TariffPart(from, to, tariff, price, share));
            expectedEuros += share * Money.ToEuros(price);
        }
        return new TariffPrice(parts, Money.FromEurosCapped(expectedEuros));
    }

    /// <summary>The delivery cut at every change of tariff line and of calendar year; null when a day has no line.</summary>
    private static List<(DateOnly From, DateOnly To, TariffLine Tariff)>? Periods(List<TariffLine> tariffs, DateOnly start, DateOnly end)
    {
        var periods = new List<(DateOnly, DateOnly, TariffLine)>();
        var day = start;
        while (true)
        {
            var tariff = tariffs.FirstOrDefault(t => t.IsValidOn(day));
            if (tariff is null)
            {
                return null;
            }
            var to = Min(end, Min(tariff.ValidTo ?? DateOnly.MaxValue, new DateOnly(day.Year, 12, 31)));
            periods.Add((day, to, tariff));
            if (to == end)
            {
                return periods;
            }
            day = to.AddDays(1);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
