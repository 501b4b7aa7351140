using System.Collections.Concurrent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// Discovers <see cref="EngineFactAttribute"/> tests: a normal test case when every variable the concrete test class
/// requires is set, otherwise a skipped test case whose reason names the missing variable.
/// </summary>
public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    // Said once per test class as a diagnostic message (xunit.runner.json turns them on), so a plain `dotnet test`
    // prints why an engine's tests were skipped; each skipped test carries the same reason.
    private static readonly ConcurrentDictionary<string, bool> Announced = new(StringComparer.Ordinal);

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var skipReason = MissingRequirement(testMethod.TestClass.Class.ToRuntimeType());
        if (skipReason is null)
        {
            return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
        }
        if (Announced.TryAdd(testMethod.TestClass.Class.Name, true))
        {
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage("SKIPPED " + testMethod.TestClass.Class.Name + ": " + skipReason));
        }
        return new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skipReason);
    }

    /// <summary>The skip reason for the first requirement of <paramref name="testClass"/> that is not met, or null.</summary>
    public static string? MissingRequirement(Type testClass) => MissingRequirement(testClass, TestEngines.Read);

    /// <summary>As <see cref="MissingRequirement(Type)"/>, reading variables through <paramref name="read"/>.</summary>
    public static string? MissingRequirement(Type testClass, Func<string, string?> read) =>
        testClass.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute), inherit: true)
            .Cast<RequiresEnvironmentVariableAttribute>()
            .Where(requirement => read(requirement.Variable) is null)
            .Select(requirement => RequiresEnvironmentVariableAttribute.SkipReason(requirement.Variable, requirement.EngineName))
            .FirstOrDefault();
}
