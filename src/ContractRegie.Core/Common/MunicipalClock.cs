namespace ContractRegie.Core.Common;

/// <summary>The municipality's calendar is Europe/Amsterdam: "today" is the date there, not in UTC.</summary>
public static class MunicipalClock
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(InAmsterdam(time.GetUtcNow()).DateTime);

    /// <summary>The instant a municipal day begins (midnight in Amsterdam).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Amsterdam.GetUtcOffset(midnight));
    }

    public static DateTimeOffset InAmsterdam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Amsterdam);
}
