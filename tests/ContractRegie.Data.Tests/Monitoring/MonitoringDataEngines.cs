using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Monitoring;

public sealed class SqliteMonitoringDataTests(SqliteTestDatabase db) : MonitoringDataContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresMonitoringDataTests(PostgresTestDatabase db) : MonitoringDataContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerMonitoringDataTests(SqlServerTestDatabase db) : MonitoringDataContract<SqlServerTestDatabase>(db);
