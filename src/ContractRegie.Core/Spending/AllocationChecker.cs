using ContractRegie.Core.Common;

namespace ContractRegie.Core.Spending;

/// <summary>The allocation a line was checked against (null when none covers it), and what is wrong.</summary>
public sealed record AllocationCheck(long? AllocationId, SpendingException? Exception);

/// <summary>
/// Checks declared lines against the allocation register, a line at a time as an import streams past (a dictionary
/// lookup per line, no query). A line needs an allocation of its municipality for its provider, client, product and
/// whole period; its ToewijzingNummer, when given, must be that allocation's; and the volume declared on the allocation
/// over all declarations (earlier imports included, credits subtracted) may not exceed what the allocation allows up to
/// the end of the delivery. Lines without a client cannot be checked, and neither can lines of a municipality and law
/// for which no allocation was ever imported: before its first allocation import a register is empty, not a verdict.
/// </summary>
public sealed class AllocationChecker
{
    private readonly Dictionary<(string Agb, string Client), List<Allocation>> _byClient = [];
    private readonly HashSet<(string Municipality, Contracts.Law Law)> _registers = [];
    private readonly Dictionary<long, decimal> _declared;

    /// <param name="declaredBefore">Per allocation, the volume already declared on it in its own unit (debet minus credit).</param>
    public AllocationChecker(IEnumerable<Allocation> allocations, IReadOnlyDictionary<long, decimal> declaredBefore)
    {
        foreach (var allocation in allocations)
        {
            _registers.Add((allocation.MunicipalityCode, allocation.Law));
            var key = (allocation.ProviderAgbCode, allocation.ClientPseudonym);
            if (!_byClient.TryGetValue(key, out var list))
            {
                _byClient[key] = list = [];
            }
            list.Add(allocation);
        }
        _declared = new Dictionary<long, decimal>(declaredBefore);
    }

    public AllocationCheck Check(SpendingLine line)
    {
        if (line.ClientPseudonym is not { } client || !_registers.Contains((line.MunicipalityCode, line.Law)))
        {
            return new AllocationCheck(null, null);
        }
        var covering = _byClient.TryGetValue((line.ProviderAgbCode, client), out var candidates)
            ? candidates.Where(a => a.Law == line.Law && a.Covers(line)).ToList()
            : [];
        if (covering.Count == 0)
        {
            return new AllocationCheck(null, new SpendingException(SpendingExceptionKind.NoAllocation,
                $"Geen toewijzing van gemeente {line.MunicipalityCode} aan zorgaanbieder {line.ProviderAgbCode} voor deze cliënt, "
                + $"product {line.ProductCategory}/{line.ProductCode} en de hele periode {DutchFormat.Date(line.DeliveryStart)} t/m {DutchFormat.Date(line.DeliveryEnd)}."));
        }
        var allocation = covering.FirstOrDefault(a => a.AllocationNumber == line.AllocationNumber) ?? covering[0];
        var declared = Declare(allocation, line);
        if (line.AllocationNumber is { } number && number != allocation.AllocationNumber)
        {
            return new AllocationCheck(allocation.Id, new SpendingException(SpendingExceptionKind.AllocationNumberMismatch,
                $"Toewijzingnummer {number} hoort niet bij deze levering; de toewijzing die haar dekt heeft nummer {allocation.AllocationNumber}."));
        }
        if (line.DebetCredit == DebetCredit.Debet && declared is { } total && allocation.AllowedVolumeUpTo(line.DeliveryEnd) is { } allowed && total > allowed)
        {
            return new AllocationCheck(allocation.Id, new SpendingException(SpendingExceptionKind.VolumeBeyondAllocation,
                $"Tot en met {DutchFormat.Date(line.DeliveryEnd)} is {DutchFormat.Number(total)} gedeclareerd op toewijzing {allocation.AllocationNumber}, "
                + $"toegewezen is {DutchFormat.Number(allowed)} ({DutchFormat.Number(allocation.Volume!.Value)} {Frequency(allocation.Frequency!.Value)})."));
        }
        return new AllocationCheck(allocation.Id, null);
    }

    /// <summary>Adds the line's volume, in the allocation's unit, to what is declared on it; null when the units cannot be compared.</summary>
    private decimal? Declare(Allocation allocation, SpendingLine line)
    {
        if (allocation.Unit is not { } unit || SpendingUnits.Convert(line.Volume, line.Unit, unit) is not { } volume)
        {
            return null;
        }
        var total = _declared.GetValueOrDefault(allocation.Id) + (line.DebetCredit == DebetCredit.Credit ? -volume : volume);
        _declared[allocation.Id] = total;
        return total;
    }

    private static string Frequency(AllocationFrequency frequency) => frequency switch
    {
        AllocationFrequency.PerDag => "per dag",
        AllocationFrequency.PerWeek => "per week",
        AllocationFrequency.PerMaand => "per maand",
        _ => "in totaal",
    };
}
