using Xunit.Sdk;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// A fact that belongs to an engine: written once in an abstract contract class, run by each engine's subclass.
/// When the subclass carries a <see cref="RequiresEnvironmentVariableAttribute"/> whose variable is not set, the
/// test shows as skipped with the reason, never as absent and never as passed.
/// </summary>
[XunitTestCaseDiscoverer("ContractRegie.Data.Tests.Infrastructure.EngineFactDiscoverer", "ContractRegie.Data.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EngineFactAttribute : FactAttribute;
