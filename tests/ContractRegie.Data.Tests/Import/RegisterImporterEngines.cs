using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Import;

public sealed class SqliteRegisterImporterTests(SqliteTestDatabase db) : RegisterImporterContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresRegisterImporterTests(PostgresTestDatabase db) : RegisterImporterContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerRegisterImporterTests(SqlServerTestDatabase db) : RegisterImporterContract<SqlServerTestDatabase>(db);
