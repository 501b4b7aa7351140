using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Spending;

public sealed class SqliteBudgetPositionsTests(SqliteTestDatabase db) : BudgetPositionsContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresBudgetPositionsTests(PostgresTestDatabase db) : BudgetPositionsContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerBudgetPositionsTests(SqlServerTestDatabase db) : BudgetPositionsContract<SqlServerTestDatabase>(db);
