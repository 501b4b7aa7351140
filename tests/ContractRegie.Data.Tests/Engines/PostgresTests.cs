using ContractRegie.Data.Tests.Contracts;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;
using ContractRegie.Data.Tests.Schema;
using ContractRegie.Data.Tests.Security;
using ContractRegie.Data.Tests.Signals;

namespace ContractRegie.Data.Tests.Engines;

// Run against the server in CONTRACTREGIE_TEST_POSTGRES (scripts/test.sh always sets it); skipped with that reason otherwise.

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresProviderRepositoryTests(PostgresTestDatabase db) : ProviderRepositoryContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresContractRepositoryTests(PostgresTestDatabase db) : ContractRepositoryContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresContractTermsRepositoryTests(PostgresTestDatabase db) : ContractTermsRepositoryContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresMigrationTests(PostgresTestDatabase db) : MigrationContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresUserAndAuditTests(PostgresTestDatabase db) : UserAndAuditContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresSignalAndOutboxTests(PostgresTestDatabase db) : SignalAndOutboxContract<PostgresTestDatabase>(db);
