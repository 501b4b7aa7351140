using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;

namespace ContractRegie.Data.Tests.Engines;

// Run against the server in CONTRACTREGIE_TEST_POSTGRES (scripts/test.sh always sets it); skipped with that reason otherwise.

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresProviderRepositoryTests(PostgresTestDatabase db) : ProviderRepositoryContract<PostgresTestDatabase>(db);
