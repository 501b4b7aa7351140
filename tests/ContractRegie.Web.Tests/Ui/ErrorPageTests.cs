using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>An unexpected failure behind a page (here: a table that vanished) is the error page, without internals.</summary>
public sealed class ErrorPageTests : IDisposable
{
    private readonly ContractRegieApp _app = new();

    [Fact]
    public async Task A_server_error_on_a_page_is_the_error_page_in_the_layout_with_status_500_and_no_internals()
    {
        var manager = await _app.CreateClientAsAsync(Role.Contractmanager);
        var id = await manager.CreateAsync("/api/v1/contracts", ContractBody(await manager.CreateProviderAsync()));
        await using (var connection = new SqliteConnection($"Data Source={_app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE outcome_agreement";
            await drop.ExecuteNonQueryAsync();
        }

        var response = await manager.GetAsync($"/contracten/{id}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Er ging iets mis</h1>", body);
        Assert.Contains("href=\"/\"", body);
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain("outcome_agreement", body);
    }

    public void Dispose() => _app.Dispose();
}
