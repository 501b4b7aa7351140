using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests;

public sealed class OpenApiAndHealthTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{

    [Fact]
    public async Task Serves_an_OpenAPI_3_document_describing_the_resources()
    {
        var response = await Client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        // Paths are relative to the server URL, which ends in /api/v1.
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/providers", "/providers/{id}", "/contracts", "/contracts/{id}",
                     "/contracts/{id}/renewal-decisions", "/contracts/{id}/extension-options",
                     "/contracts/{contractId}/tariffs", "/contracts/{contractId}/budgets",
                     "/contracts/{contractId}/outcome-agreements",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI document lacks {path}");
        }
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var kinds = schemas.GetProperty("ContractKind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["Lokaal", "RegionaalOzjt", "Landelijk", "Maatwerk"], kinds);
    }

    [Fact]
    public async Task Serves_the_Swagger_UI()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(App.DatabasePath), "the test's own SQLite file was not used");
    }

    [Fact]
    public async Task Every_api_response_carries_the_API_Version_header()
    {
        var found = await Client.GetAsync("/api/v1/providers");
        var missing = await Client.GetAsync("/api/v1/providers/424242");

        Assert.Equal("1.0.0", found.Headers.GetValues("API-Version").Single());
        Assert.Equal("1.0.0", missing.Headers.GetValues("API-Version").Single());
    }

    [Theory]
    [InlineData("/api/v1/providers/")]
    [InlineData("/api/v1/no-such-resource")]
    [InlineData("/api/v1/providers/abc")]
    public async Task Unknown_paths_and_trailing_slashes_get_a_problem_404(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
