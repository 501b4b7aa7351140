using ContractRegie.Core.Common;

namespace ContractRegie.Web.Apis;

/// <summary>Input fields are nullable so a missing one becomes a field error rather than a parser exception.</summary>
public static class Required
{
    public static T Value<T>(T? value, string field, ValidationErrors errors) where T : struct
    {
        errors.AddIf(value is null, field, "Is verplicht.");
        return value ?? default;
    }
}
