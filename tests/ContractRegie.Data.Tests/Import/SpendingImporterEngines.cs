using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Import;

public sealed class SqliteSpendingImporterTests(SqliteTestDatabase db) : SpendingImporterContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresSpendingImporterTests(PostgresTestDatabase db) : SpendingImporterContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerSpendingImporterTests(SqlServerTestDatabase db) : SpendingImporterContract<SqlServerTestDatabase>(db);

public sealed class SqliteAllocationImporterTests(SqliteTestDatabase db) : AllocationImporterContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresAllocationImporterTests(PostgresTestDatabase db) : AllocationImporterContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerAllocationImporterTests(SqlServerTestDatabase db) : AllocationImporterContract<SqlServerTestDatabase>(db);
