using Microsoft.Extensions.Options;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// A settings section bound once and checked when the host starts (<c>ValidateOnStart</c>): a misspelt job name or a
/// base URL without a scheme stops the start with the setting's name, instead of failing at the first run at night.
/// The checked value is what the services get injected.
/// </summary>
public static class CheckedSettings
{
    public static IServiceCollection AddCheckedSettings<T>(this IServiceCollection services, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Check<T>(problems));
        return services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
    }

    private sealed class Check<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
