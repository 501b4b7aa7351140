using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>One municipality's part of a regional contract's budget, in percent.</summary>
public sealed record BudgetShare(string MunicipalityCode, decimal Percent);

/// <summary>
/// The verdeelsleutel of an OZJT contract (DESIGN.md: regional contracts procured for the Twente municipalities): each
/// municipality's percentage of the contract's budget, together 100. With a key the reconciliation shows every
/// municipality its part of the contract's budget ceilings added up, whatever municipality a ceiling was entered for.
/// </summary>
public sealed record BudgetShareKey : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    public long ContractId { get; init; }
    public required IReadOnlyList<BudgetShare> Shares { get; init; }

    /// <summary>Only a regional OZJT contract shares its budget; the percentages have at most two decimals and add up to 100.</summary>
    public ValidationErrors Validate(ContractKind contractKind)
    {
        var errors = new ValidationErrors();
        errors.AddIf(contractKind != ContractKind.RegionaalOzjt, "shares", "Alleen een regionaal OZJT-contract heeft een verdeelsleutel.");
        errors.AddIf(Shares.Count == 0, "shares", "Geef per gemeente een aandeel op.");
        for (var i = 0; i < Shares.Count; i++)
        {
            var share = Shares[i];
            errors.AddIf(!Identifiers.IsMunicipalityCode(share.MunicipalityCode), $"shares[{i}].municipalityCode", "Geen CBS-gemeentecode van 4 cijfers.");
            errors.AddIf(share.Percent is <= 0 or > 100 || decimal.Round(share.Percent, 2) != share.Percent,
                $"shares[{i}].percent", "Een aandeel ligt boven 0 en ten hoogste op 100 %, in ten hoogste twee decimalen.");
        }
        errors.AddIf(Shares.Select(s => s.MunicipalityCode).Distinct(StringComparer.Ordinal).Count() != Shares.Count, "shares",
            "Elke gemeente komt één keer in de verdeelsleutel voor.");
        var total = Shares.Sum(s => s.Percent);
        errors.AddIf(Shares.Count > 0 && total != 100m, "shares", $"De aandelen tellen op tot {DutchFormat.Number(total)} %, niet tot 100 %.");
        return errors;
    }

    /// <summary>
    /// <paramref name="totalCents"/> shared by the percentages in whole cents that add up to the total: each municipality
    /// gets its share rounded down, and the cents left over go one by one to the largest remainders (ties: by code).
    /// </summary>
    public IReadOnlyDictionary<string, long> Split(long totalCents)
    {
        var exact = Shares.Select(s => (s.MunicipalityCode, Cents: (decimal)totalCents * s.Percent / 100m)).ToList();
        var parts = exact.ToDictionary(s => s.MunicipalityCode, s => (long)decimal.Floor(s.Cents), StringComparer.Ordinal);
        var left = totalCents - parts.Values.Sum();
        foreach (var (code, _) in exact.OrderByDescending(s => s.Cents - decimal.Floor(s.Cents)).ThenBy(s => s.MunicipalityCode, StringComparer.Ordinal)
                     .Take((int)Math.Max(0, left)))
        {
            parts[code]++;
        }
        return parts;
    }
}
