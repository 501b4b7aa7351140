using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Data;

namespace ContractRegie.Web.Apis;

/// <summary>
/// Reads query values as text and collects a field error for each one that does not parse, so a bad
/// filter gets the same problem+json as a bad body instead of a bare 400.
/// </summary>
public sealed class QueryReader
{
    public const int DefaultPageSize = 50;

    public ValidationErrors Errors { get; } = new();

    public TEnum? Enum<TEnum>(string name, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !value.All(char.IsAsciiDigit))
        {
            return parsed;
        }
        Errors.Add(name, $"Onbekende waarde '{value}'; toegestaan: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public bool? Bool(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }
        Errors.Add(name, "Gebruik true of false.");
        return null;
    }

    public long? Long(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        Errors.Add(name, "Geen geldig getal.");
        return null;
    }

    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }
        Errors.Add(name, "Geen geldige datum; gebruik jjjj-mm-dd.");
        return null;
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public PageRequest Page(string? page, string? pageSize)
    {
        var number = (int)(Long("page", page) ?? 1);
        var size = (int)(Long("pageSize", pageSize) ?? DefaultPageSize);
        Errors.AddIf(number < 1, "page", "Pagina begint bij 1.");
        Errors.AddIf(size is < 1 or > PageRequest.MaxPageSize, "pageSize", $"Paginagrootte moet tussen 1 en {PageRequest.MaxPageSize} liggen.");
        return new PageRequest(Math.Max(number, 1), Math.Clamp(size, 1, PageRequest.MaxPageSize));
    }
}
