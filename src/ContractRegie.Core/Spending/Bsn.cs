namespace ContractRegie.Core.Spending;

/// <summary>The burgerservicenummer's format check. A BSN is only ever checked and pseudonymised, never kept.</summary>
public static class Bsn
{
    /// <summary>
    /// Nine digits that pass the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. All zeros passes the
    /// sum but is no number anyone has, so it is refused.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 9 } || !value.All(char.IsAsciiDigit) || value == "000000000")
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (value[i] - '0');
        }
        sum -= value[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>The first <paramref name="count"/> nine-digit numbers from 100000000 up that pass the elfproef: made-up clients for demos and benchmarks.</summary>
    public static string[] FirstValid(int count)
    {
        var found = new List<string>(count);
        for (var n = 100_000_000; found.Count < count; n++)
        {
            var text = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsValid(text))
            {
                found.Add(text);
            }
        }
        return [.. found];
    }
}
