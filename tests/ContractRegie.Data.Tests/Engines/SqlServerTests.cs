using ContractRegie.Data.Tests.Contracts;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;
using ContractRegie.Data.Tests.Schema;
using ContractRegie.Data.Tests.Security;
using ContractRegie.Data.Tests.Signals;

namespace ContractRegie.Data.Tests.Engines;

// Run against the server in CONTRACTREGIE_TEST_SQLSERVER; skipped with that reason otherwise (no SQL Server runs here).

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerProviderRepositoryTests(SqlServerTestDatabase db) : ProviderRepositoryContract<SqlServerTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerContractRepositoryTests(SqlServerTestDatabase db) : ContractRepositoryContract<SqlServerTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerContractTermsRepositoryTests(SqlServerTestDatabase db) : ContractTermsRepositoryContract<SqlServerTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerMigrationTests(SqlServerTestDatabase db) : MigrationContract<SqlServerTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerUserAndAuditTests(SqlServerTestDatabase db) : UserAndAuditContract<SqlServerTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerSignalAndOutboxTests(SqlServerTestDatabase db) : SignalAndOutboxContract<SqlServerTestDatabase>(db);
