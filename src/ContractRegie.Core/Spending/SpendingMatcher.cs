using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>A contract as the matcher needs it: with its provider's AGB-code and its tariff lines.</summary>
public sealed record MatchableContract(Contract Contract, string ProviderAgbCode, IReadOnlyList<TariffLine> Tariffs);

/// <summary>The contract a line belongs to (null when none), and what is wrong with the line.</summary>
public sealed record SpendingMatch(long? ContractId, IReadOnlyList<SpendingException> Exceptions)
{
    public bool IsClean => Exceptions.Count == 0;
}

/// <summary>
/// Matches spending lines to contracts: same provider (AGB-code), same law, a tariff line for the same product
/// category and code, and the whole delivery period within the contract's period (start date to current end,
/// KeyDateRules). Built once per import or job run; the contracts are indexed, so a line costs a dictionary lookup.
/// Concept contracts are not in force and never match.
/// </summary>
public sealed class SpendingMatcher
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private readonly Dictionary<(string Agb, Law Law, string Category, string Code), List<Candidate>> _byProduct = [];
    private readonly TariffTolerance _tolerance;

    public SpendingMatcher(IEnumerable<MatchableContract> contracts, TariffTolerance tolerance)
    {
        _tolerance = tolerance;
        foreach (var matchable in contracts.Where(c => c.Contract.Status != ContractStatus.Concept))
        {
            var candidate = new Candidate(matchable.Contract, KeyDateRules.For(matchable.Contract).CurrentEnd, matchable.Tariffs);
            foreach (var product in matchable.Tariffs.Select(t => (t.ProductCategory, t.ProductCode)).Distinct())
            {
                var key = (matchable.ProviderAgbCode, matchable.Contract.Law, product.ProductCategory, product.ProductCode);
                if (!_byProduct.TryGetValue(key, out var list))
                {
                    _byProduct[key] = list = [];
                }
                list.Add(candidate);
            }
        }
    }

    public SpendingMatch Match(SpendingLine line)
    {
        if (!_byProduct.TryGetValue((line.ProviderAgbCode, line.Law, line.ProductCategory, line.ProductCode), out var candidates))
        {
            return new SpendingMatch(null, [new SpendingException(SpendingExceptionKind.NoMatchingContract,
                $"Geen contract met zorgaanbieder {line.ProviderAgbCode} voor {line.Law}, product {line.ProductCategory}/{line.ProductCode}.")]);
        }
        var inPeriod = candidates
            .Where(c => line.DeliveryStart >= c.Contract.StartDate && line.DeliveryEnd <= c.CurrentEnd)
            .MaxBy(c => c.Contract.StartDate);
        if (inPeriod is null)
        {
            // The nearest contract still owns the question, so its contractmanager hears about it.
            var nearest = candidates.MinBy(c => DistanceInDays(line, c));
            return new SpendingMatch(nearest!.Contract.Id, [new SpendingException(SpendingExceptionKind.DeliveryOutsideContractPeriod,
                $"Levering {Period(line.DeliveryStart, line.DeliveryEnd)} valt buiten de looptijd van contract {nearest.Contract.ContractNumber} "
                + $"({Period(nearest.Contract.StartDate, nearest.CurrentEnd)}).")]);
        }
        if (!inPeriod.Contract.Municipalities.Contains(line.MunicipalityCode))
        {
            return new SpendingMatch(inPeriod.Contract.Id, [new SpendingException(SpendingExceptionKind.MunicipalityNotCovered,
                $"Gemeente {Municipalities.NameAndCode(line.MunicipalityCode)} neemt niet deel aan contract {inPeriod.Contract.ContractNumber} "
                + $"({Municipalities.List(inPeriod.Contract.Municipalities)}).")]);
        }
        return new SpendingMatch(inPeriod.Contract.Id, TariffDeviation(line, inPeriod) is { } deviation ? [deviation] : []);
    }

    /// <summary>Amount against volume × the tariff of each day (<see cref="TariffPricing"/>); a credit is compared by its size.</summary>
    private SpendingException? TariffDeviation(SpendingLine line, Candidate candidate)
    {
        var price = TariffPricing.Price(line, candidate.Tariffs, out var unitMismatch);
        if (unitMismatch is not null)
        {
            return new SpendingException(SpendingExceptionKind.AmountDeviatesFromTariff,
                $"Gedeclareerd per {line.Unit.ToString().ToLowerInvariant()}, gecontracteerd per {unitMismatch.Unit.ToString().ToLowerInvariant()}.");
        }
        if (price is null)
        {
            // No price to compare with: a declaration in euro's has no volume, and a product without a tariff on a
            // day is still contracted (the tariff table may simply lag).
            return null;
        }
        var expected = price.ExpectedCents;
        var difference = line.AmountCents - expected;
        if (Math.Abs(difference) <= _tolerance.AllowedCents(expected))
        {
            return null;
        }
        var parts = string.Join(" + ", price.Parts.Select(p => $"{p.Volume.ToString("0.##", Dutch)} × {Money.Format(p.PriceCents)}"));
        return new SpendingException(SpendingExceptionKind.AmountDeviatesFromTariff,
            $"Bedrag {Money.Format(line.AmountCents)} wijkt {Money.Format(Math.Abs(difference))} af van {parts} = {Money.Format(expected)}.");
    }

    private static int DistanceInDays(SpendingLine line, Candidate candidate) =>
        Math.Max(0, Math.Max(candidate.Contract.StartDate.DayNumber - line.DeliveryStart.DayNumber, line.DeliveryEnd.DayNumber - candidate.CurrentEnd.DayNumber));

    private static string Period(DateOnly from, DateOnly to) => $"{from:dd-MM-yyyy} t/m {to:dd-MM-yyyy}";

    private sealed record Candidate(Contract Contract, DateOnly CurrentEnd, IReadOnlyList<TariffLine> Tariffs);
}
