using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Users;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>
/// Several instances behind a load balancer start together on an empty database: one migrates, creates the first
/// beheerder and loads the demo register while the others wait for the schema lock, and all of them come up.
/// </summary>
public sealed class StartTogetherTests
{
    [Fact]
    public async Task Two_hosts_on_one_empty_SQLite_file_both_start_and_seed_once()
    {
        var folder = Directory.CreateTempSubdirectory("contractregie-together-").FullName;
        try
        {
            await StartTogetherAndCheckAsync("Sqlite", $"Data Source={Path.Combine(folder, "gedeeld.db")}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_empty_PostgreSQL_database_both_start_and_seed_once()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await StartTogetherAndCheckAsync("Postgres", database.ConnectionString);
    }

    private static async Task StartTogetherAndCheckAsync(string provider, string connectionString)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["DemoData:SeedWhenEmpty"] = "true",
        };
        await using var first = new ContractRegieApp { Settings = settings };
        await using var second = new ContractRegieApp { Settings = settings };

        // Reaching the services starts each host: migrations, first beheerder and demo data run before it serves.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        foreach (var app in new[] { first, second })
        {
            var health = await app.CreateClient().GetAsync("/health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        }
        var contracts = await first.Services.GetRequiredService<ContractRepository>().SearchAsync(new ContractFilter(), new PageRequest(1, 1));
        Assert.Equal(300, contracts.TotalCount);
        Assert.Equal(DemoUsers.People.Count + 1, await first.Services.GetRequiredService<UserRepository>().CountAsync());
    }
}
