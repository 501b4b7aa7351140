using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;

namespace ContractRegie.Data.Tests.Engines;

// Run against the server in CONTRACTREGIE_TEST_SQLSERVER; skipped with that reason otherwise (no SQL Server runs here).

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerProviderRepositoryTests(SqlServerTestDatabase db) : ProviderRepositoryContract<SqlServerTestDatabase>(db);
