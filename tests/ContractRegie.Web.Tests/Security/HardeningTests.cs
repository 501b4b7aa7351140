using System.Net;
using System.Text;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using ContractRegie.Web.Tests.Ui;
using Microsoft.Data.Sqlite;

namespace ContractRegie.Web.Tests.Security;

/// <summary>Kestrel's body limit only exists on a real server, so this runs against the Kestrel-hosted app.</summary>
public sealed class RequestLimitTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var client = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var before = await client.CountAsync("/api/v1/providers");
        var huge = "{\"name\":\"" + new string('x', 11 * 1024 * 1024) + "\"}";

        // With Expect: 100-continue the server can refuse on Content-Length alone, as a well-behaved client asks it to.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/providers")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await client.CountAsync("/api/v1/providers"));
    }
}

/// <summary>An unexpected failure (here: a table that vanished) answers problem+json without internals.</summary>
public sealed class UnexpectedErrorTests : IDisposable
{
    private readonly ContractRegieApp _app = new();

    [Fact]
    public async Task A_server_error_reveals_no_stack_trace_or_exception_text()
    {
        var client = await _app.CreateClientAsAsync(Role.Lezer);
        await using (var connection = new SqliteConnection($"Data Source={_app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE outcome_agreement";
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/api/v1/contracts/1/outcome-agreements/1");
        var body = await response.Content.ReadAsStringAsync();

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain("outcome_agreement", body);
    }

    public void Dispose() => _app.Dispose();
}
