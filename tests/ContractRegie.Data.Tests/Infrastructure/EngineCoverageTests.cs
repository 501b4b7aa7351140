using ContractRegie.Data.Tests.Engines;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// Guards the engine test set-up itself: every contract runs on every engine, server engines are skipped only
/// with their variable named, and SQLite never needs one.
/// </summary>
public sealed class EngineCoverageTests
{
    private static readonly Dictionary<Type, string?> VariableByDatabase = new()
    {
        [typeof(SqliteTestDatabase)] = null,
        [typeof(PostgresTestDatabase)] = TestEngines.PostgresVariable,
        [typeof(SqlServerTestDatabase)] = TestEngines.SqlServerVariable,
    };

    private static readonly Type[] TestTypes = typeof(EngineCoverageTests).Assembly.GetTypes();

    private static Type? EngineTestsBase(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(EngineTests<>))
            {
                return current;
            }
        }
        return null;
    }

    [Fact]
    public void Every_contract_is_subclassed_once_for_every_engine()
    {
        var contracts = TestTypes.Where(t => t.IsAbstract && t.IsGenericTypeDefinition && EngineTestsBase(t) is not null).ToList();

        var missing = (
            from contract in contracts
            from database in VariableByDatabase.Keys
            let subclasses = TestTypes.Count(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b
                                                  && b.GetGenericTypeDefinition() == contract && b.GetGenericArguments()[0] == database)
            where subclasses != 1
            select contract.Name + " on " + database.Name + ": " + subclasses + " subclasses").ToList();

        Assert.True(contracts.Count >= 4, "found only " + contracts.Count + " contract classes");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Server_engine_classes_require_their_variable_and_sqlite_classes_require_none()
    {
        var concrete = TestTypes.Where(t => !t.IsAbstract && EngineTestsBase(t) is not null).ToList();

        var wrong = (
            from type in concrete
            let database = EngineTestsBase(type)!.GetGenericArguments()[0]
            let required = type.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute), inherit: true)
                .Cast<RequiresEnvironmentVariableAttribute>().Select(a => a.Variable).ToArray()
            let expected = VariableByDatabase[database] is { } variable ? new[] { variable } : []
            where !required.SequenceEqual(expected)
            select type.Name + " requires [" + string.Join(", ", required) + "]").ToList();

        Assert.True(concrete.Count >= 12, "found only " + concrete.Count + " engine test classes");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_test_method_of_a_contract_is_an_engine_fact()
    {
        var plainFacts = TestTypes
            .Where(t => t.IsAbstract && EngineTestsBase(t) is not null)
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t))
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Any(a => a is not EngineFactAttribute))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToList();

        Assert.True(plainFacts.Count == 0, "use [EngineFact] so unconfigured engines are skipped, not failed: " + string.Join(", ", plainFacts));
    }

    [Fact]
    public void A_missing_variable_gives_the_skip_reason_and_a_set_one_none()
    {
        var unset = EngineFactDiscoverer.MissingRequirement(typeof(SqlServerProviderRepositoryTests), _ => null);
        var set = EngineFactDiscoverer.MissingRequirement(typeof(SqlServerProviderRepositoryTests), _ => "Server=somewhere");
        var postgresUnset = EngineFactDiscoverer.MissingRequirement(typeof(PostgresMigrationTests), _ => null);
        var sqlite = EngineFactDiscoverer.MissingRequirement(typeof(SqliteProviderRepositoryTests), _ => null);

        Assert.Equal("CONTRACTREGIE_TEST_SQLSERVER is not set: SQL Server tests not run", unset);
        Assert.Null(set);
        Assert.Equal("CONTRACTREGIE_TEST_POSTGRES is not set: PostgreSQL tests not run", postgresUnset);
        Assert.Null(sqlite);
    }
}
