using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Data;

namespace ContractRegie.Web.Apis;

/// <summary>
/// Checks typed query values beyond what binding checks and collects a field error for each bad one, so a bad
/// filter gets the same problem+json as a bad body. A value that does not even bind (text for a number) gets its
/// field error from <see cref="BindingFailure"/>, worded here too.
/// </summary>
public sealed class QueryReader
{
    public const int DefaultPageSize = 50;

    public ValidationErrors Errors { get; } = new();

    /// <summary>Binding accepts a number for an enum ("7"); only a named value is one.</summary>
    public TEnum? Enum<TEnum>(string name, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } given && !System.Enum.IsDefined(given))
        {
            Errors.Add(name, MessageFor(typeof(TEnum), given.ToString()));
            return null;
        }
        return value;
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// An instant such as <c>updatedSince</c>, in UTC: stored instants are UTC and compared as such (as text on SQLite), so
    /// 09:00+01:00 must reach SQL as 08:00Z (PostgreSQL refuses any other offset).
    /// </summary>
    public static DateTimeOffset? Instant(DateTimeOffset? value) => value?.ToUniversalTime();

    public PageRequest Page(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Errors.AddIf(number < 1, "page", "Pagina begint bij 1.");
        Errors.AddIf(size is < 1 or > PageRequest.MaxPageSize, "pageSize", $"Paginagrootte moet tussen 1 en {PageRequest.MaxPageSize} liggen.");
        size = Math.Clamp(size, 1, PageRequest.MaxPageSize);
        // The offset is an int in every engine's paging; a page past it is refused rather than wrapped around.
        var lastPage = PageRequest.LastPage(size);
        Errors.AddIf(number > lastPage, "page", $"Pagina mag bij deze paginagrootte hoogstens {lastPage} zijn.");
        return PageRequest.Within(number, size);
    }

    /// <summary>The field error for a query value that does not fit the parameter's type.</summary>
    public static string MessageFor(Type type, string value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(bool) => "Gebruik true of false.",
            _ when underlying == typeof(int) || underlying == typeof(long) => "Geen geldig (heel) getal.",
            _ when underlying == typeof(QueryDate) => "Geen geldige datum; gebruik jjjj-mm-dd.",
            _ when underlying == typeof(DateTimeOffset) => "Geen geldig tijdstip; gebruik ISO 8601 met tijdzone, bijvoorbeeld 2026-03-01T08:00:00Z.",
            { IsEnum: true } => $"Onbekende waarde '{value}'; toegestaan: {string.Join(", ", System.Enum.GetNames(underlying))}.",
            _ => $"Ongeldige waarde '{value}'.",
        };
    }
}

/// <summary>A date in a query string, only as yyyy-mm-dd (binding DateOnly would also take "1-3-2026", ambiguous).</summary>
public readonly record struct QueryDate(DateOnly Value)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryDate date)
    {
        var parsed = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
        date = new QueryDate(value);
        return parsed;
    }
}
