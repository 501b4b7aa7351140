namespace ContractRegie.Core.Common;

/// <summary>Day counts over periods given by their first and last day, both included, as deliveries and allocations are.</summary>
public static class Days
{
    public static int Inclusive(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;
}
