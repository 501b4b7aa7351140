using ContractRegie.Data.Tests.Contracts;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;
using ContractRegie.Data.Tests.Schema;
using ContractRegie.Data.Tests.Security;
using ContractRegie.Data.Tests.Signals;

namespace ContractRegie.Data.Tests.Engines;

// SQLite needs no server: these always run, on a temporary database file per class.

public sealed class SqliteProviderRepositoryTests(SqliteTestDatabase db) : ProviderRepositoryContract<SqliteTestDatabase>(db);

public sealed class SqliteContractRepositoryTests(SqliteTestDatabase db) : ContractRepositoryContract<SqliteTestDatabase>(db);

public sealed class SqliteContractTermsRepositoryTests(SqliteTestDatabase db) : ContractTermsRepositoryContract<SqliteTestDatabase>(db);

public sealed class SqliteMigrationTests(SqliteTestDatabase db) : MigrationContract<SqliteTestDatabase>(db);

public sealed class SqliteUserAndAuditTests(SqliteTestDatabase db) : UserAndAuditContract<SqliteTestDatabase>(db);

public sealed class SqliteSignalAndOutboxTests(SqliteTestDatabase db) : SignalAndOutboxContract<SqliteTestDatabase>(db);
