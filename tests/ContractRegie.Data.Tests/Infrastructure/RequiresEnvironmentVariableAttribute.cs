namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// On a concrete test class: its <see cref="EngineFactAttribute"/> tests run only when <see cref="Variable"/> is set,
/// and are reported as skipped with "VARIABLE is not set: ENGINE tests not run" otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresEnvironmentVariableAttribute(string variable, string engineName) : Attribute
{
    public string Variable { get; } = variable;
    public string EngineName { get; } = engineName;

    public static string SkipReason(string variable, string engineName) =>
        variable + " is not set: " + engineName + " tests not run";
}
