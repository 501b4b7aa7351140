using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Npgsql;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>The real PostgreSQL taken away under requests (through a TCP relay) and brought back: API and pages alike.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_database_that_is_down_or_hangs_answers_503_with_Retry_After_and_requests_recover_when_it_returns()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var link = new TcpSwitch(server.Host!, server.Port);
        var viaLink = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = link.Port }.ConnectionString;
        await using var app = new ContractRegieApp { Settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = viaLink } };
        var client = await app.CreateClientAsAsync(Role.Lezer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contracts")).StatusCode);

        foreach (var state in new[] { LinkState.Down, LinkState.Hanging })
        {
            link.Switch(state);

            var answer = await client.GetAsync("/api/v1/contracts");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal("30", answer.Headers.GetValues("Retry-After").Single());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            var page = await client.GetAsync("/contracten");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("tijdelijk niet beschikbaar", await page.Content.ReadAsStringAsync());
        }

        link.Switch(LinkState.Up);
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && recovered != HttpStatusCode.OK; attempt++)
        {
            recovered = (await client.GetAsync("/api/v1/contracts")).StatusCode;
            await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
