using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Tests.Providers;

namespace ContractRegie.Data.Tests.Engines;

// SQLite needs no server: these always run, on a temporary database file per class.

public sealed class SqliteProviderRepositoryTests(SqliteTestDatabase db) : ProviderRepositoryContract<SqliteTestDatabase>(db);
