using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Security;

/// <summary>
/// Every endpoint, found in the route table and in the OpenAPI document, is tried without credentials and with
/// each role. The expected access is written out here by hand, so a new endpoint fails this test until someone
/// decides who may use it.
/// </summary>
public sealed class EndpointAuthorizationTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] ContractManagers = [Role.Contractmanager];
    /// <summary>Financiën, and beheerder and lezer, who read everything.</summary>
    private static readonly Role[] FinanceReaders = [Role.Financien, Role.Beheerder, Role.Lezer];

    /// <summary>"METHOD route pattern" → the roles that may use it; null means anonymous.</summary>
    private static readonly Dictionary<string, Role[]?> Expected = new()
    {
        ["GET /health/live"] = null,
        ["GET /health/ready"] = null,
        ["POST /api/v1/sessions"] = null,
        ["GET /api/v1/sessions/current"] = Everyone,
        ["DELETE /api/v1/sessions/current"] = Everyone,
        ["GET /api/v1/sessions"] = Everyone,
        ["DELETE /api/v1/sessions/{id}"] = Everyone,
        ["GET /api/v1/users"] = [Role.Beheerder],
        ["POST /api/v1/users"] = [Role.Beheerder],
        ["PUT /api/v1/users/{id}"] = [Role.Beheerder],
        ["PUT /api/v1/users/{id}/password"] = [Role.Beheerder],
        ["GET /api/v1/providers"] = Everyone,
        ["GET /api/v1/providers/{id}"] = Everyone,
        ["POST /api/v1/providers"] = ContractManagers,
        ["PUT /api/v1/providers/{id}"] = ContractManagers,
        ["DELETE /api/v1/providers/{id}"] = ContractManagers,
        ["GET /api/v1/contracts"] = Everyone,
        ["GET /api/v1/contracts/{id}"] = Everyone,
        ["POST /api/v1/contracts"] = ContractManagers,
        ["PUT /api/v1/contracts/{id}"] = ContractManagers,
        ["GET /api/v1/contracts/{id}/extension-options"] = Everyone,
        ["GET /api/v1/contracts/{id}/renewal-decisions"] = Everyone,
        ["POST /api/v1/contracts/{id}/renewal-decisions"] = [Role.Inkoper, Role.Contractmanager],
        ["GET /api/v1/contracts/{contractId}/tariffs"] = Everyone,
        ["GET /api/v1/contracts/{contractId}/tariffs/{id}"] = Everyone,
        ["POST /api/v1/contracts/{contractId}/tariffs"] = ContractManagers,
        ["PUT /api/v1/contracts/{contractId}/tariffs/{id}"] = ContractManagers,
        ["DELETE /api/v1/contracts/{contractId}/tariffs/{id}"] = ContractManagers,
        ["GET /api/v1/contracts/{contractId}/budgets"] = Everyone,
        ["GET /api/v1/contracts/{contractId}/budgets/{id}"] = Everyone,
        ["POST /api/v1/contracts/{contractId}/budgets"] = ContractManagers,
        ["PUT /api/v1/contracts/{contractId}/budgets/{id}"] = ContractManagers,
        ["DELETE /api/v1/contracts/{contractId}/budgets/{id}"] = ContractManagers,
        ["GET /api/v1/contracts/{contractId}/budget-share-key"] = Everyone,
        ["POST /api/v1/contracts/{contractId}/budget-share-key"] = ContractManagers,
        ["PUT /api/v1/contracts/{contractId}/budget-share-key"] = ContractManagers,
        ["DELETE /api/v1/contracts/{contractId}/budget-share-key"] = ContractManagers,
        ["GET /api/v1/contracts/{contractId}/outcome-agreements"] = Everyone,
        ["GET /api/v1/contracts/{contractId}/outcome-agreements/{id}"] = Everyone,
        ["POST /api/v1/contracts/{contractId}/outcome-agreements"] = ContractManagers,
        ["PUT /api/v1/contracts/{contractId}/outcome-agreements/{id}"] = ContractManagers,
        ["DELETE /api/v1/contracts/{contractId}/outcome-agreements/{id}"] = ContractManagers,
        ["GET /api/v1/outcome-agreement-defaults"] = Everyone,
        ["GET /api/v1/audit-entries"] = [Role.Beheerder, Role.Lezer],
        ["POST /api/v1/register-imports/{kind}"] = ContractManagers,
        ["GET /api/v1/outcome-measurements"] = Everyone,
        ["GET /api/v1/outcome-measurements/{id}"] = Everyone,
        ["POST /api/v1/outcome-measurements"] = ContractManagers,
        ["PUT /api/v1/outcome-measurements/{id}"] = ContractManagers,
        ["DELETE /api/v1/outcome-measurements/{id}"] = ContractManagers,
        ["GET /api/v1/financial-statements"] = Everyone,
        ["GET /api/v1/financial-statements/{id}"] = Everyone,
        ["POST /api/v1/financial-statements"] = ContractManagers,
        ["PUT /api/v1/financial-statements/{id}"] = ContractManagers,
        ["DELETE /api/v1/financial-statements/{id}"] = ContractManagers,
        ["GET /api/v1/providers/{id}/financial-assessment"] = Everyone,
        ["POST /api/v1/spending-imports"] = [Role.Financien],
        ["POST /api/v1/allocation-imports"] = [Role.Financien],
        ["GET /api/v1/reconciliation"] = FinanceReaders,
        ["GET /api/v1/lawfulness"] = FinanceReaders,
        ["GET /api/v1/lawfulness/export"] = FinanceReaders,
        ["GET /api/v1/reconciliation/export"] = FinanceReaders,
        ["GET /api/v1/spending-exceptions"] = FinanceReaders,
        ["GET /api/v1/spending-exceptions/export"] = FinanceReaders,
        ["GET /api/v1/signals"] = Everyone,
        ["GET /api/v1/signals/{id}"] = Everyone,
        ["POST /api/v1/signals/{id}/acknowledgement"] = ContractManagers,
        ["POST /api/v1/signals/{id}/resolution"] = ContractManagers,
        ["GET /api/v1/jobs"] = [Role.Beheerder],
        ["POST /api/v1/jobs/{name}/runs"] = [Role.Beheerder],
        ["GET /api/v1/notifications"] = [Role.Beheerder],
        ["POST /api/v1/notifications/{id}/requeue"] = [Role.Beheerder],
        ["GET /"] = Everyone,
        ["GET /inloggen"] = null,
        ["GET /uitloggen"] = Everyone,
        ["GET /geen-toegang"] = null,
        ["GET /contracten"] = Everyone,
        ["GET /contracten/{id}"] = Everyone,
        ["GET /zorgaanbieders"] = Everyone,
        ["GET /zorgaanbieders/{id}"] = Everyone,
        ["GET /signaleringen"] = Everyone,
        ["GET /signaleringen/{id}"] = Everyone,
        ["GET /fout/{code}"] = null,
        ["GET /audittrail"] = [Role.Beheerder, Role.Lezer],
        ["GET /uitgaven"] = FinanceReaders,
        ["GET /rechtmatigheid"] = FinanceReaders,
        ["GET /uitgaven/uitzonderingen"] = FinanceReaders,
        ["GET /instellingen/meldingen"] = Everyone,
        ["GET /instellingen/agenda"] = Everyone,
        ["GET /verlengingen"] = Everyone,
        ["GET /contracten/{id}/termijnen.ics"] = Everyone,
        // The calendar feed: its secret token is the credential (a wrong one, as here, is 404).
        ["GET /agenda/{token}.ics"] = null,
        ["GET /contracten/{id}/tarieven"] = ContractManagers,
        ["GET /contracten/{id}/budgetten"] = ContractManagers,
        ["GET /contracten/{id}/prestatieafspraken"] = ContractManagers,
        ["GET /importeren"] = [Role.Contractmanager, Role.Financien],
        // {soort} is uitgaven below; the register kinds are the contractmanager's (FormsTests).
        ["GET /importeren/{soort}"] = [Role.Financien],
    };

    [Fact]
    public void Every_endpoint_in_the_route_table_has_an_expected_access_rule()
    {
        var routed = RoutedEndpoints();

        Assert.Empty(routed.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(routed));
    }

    [Fact]
    public async Task Every_operation_in_the_OpenAPI_document_is_in_the_route_table()
    {
        var client = await app.CreateClientAsAsync(Role.Lezer);
        using var document = await client.GetJsonAsync("/api/v1/openapi.json");
        // Paths in the document are relative to its server URL, which ends in /api/v1; HEAD is answered by the GET.
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{(op.Name == "head" ? "GET" : op.Name.ToUpperInvariant())} /api/v1{path.Name}"))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.Empty(operations.Except(RoutedEndpoints()));
    }

    [Fact]
    public async Task Without_credentials_only_health_and_sign_in_answer()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var (endpoint, roles) in Expected)
        {
            var access = Classify(await anonymous.SendAsync(Request(endpoint)));
            Assert.True(access == (roles is null ? Access.Allowed : Access.SignInRequired), $"{endpoint} without credentials: {access}");
        }
        Assert.Equal(Access.SignInRequired, Classify(await anonymous.GetAsync("/swagger/index.html")));
    }

    [Fact]
    public async Task The_OpenAPI_document_is_public_and_readable_from_other_domains_as_ADR_API_51_requires()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData(Role.Beheerder)]
    [InlineData(Role.Contractmanager)]
    [InlineData(Role.Inkoper)]
    [InlineData(Role.Financien)]
    [InlineData(Role.Lezer)]
    public async Task Each_role_reaches_exactly_the_endpoints_meant_for_it(Role role)
    {
        var signedIn = await app.CreateClientAsAsync(role);
        var cookie = app.SessionCookieOf(signedIn);
        // Signing out ends the session on the server, so it comes last.
        foreach (var (endpoint, roles) in Expected.Where(e => e.Value is not null).OrderBy(e => e.Key == "DELETE /api/v1/sessions/current"))
        {
            var client = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
            var request = Request(endpoint);
            request.Headers.Add("Cookie", cookie);
            var access = Classify(await client.SendAsync(request));
            Assert.True(access == (roles!.Contains(role) ? Access.Allowed : Access.Forbidden), $"{role} on {endpoint}: {access}");
        }
    }

    private enum Access { Allowed, SignInRequired, Forbidden }

    /// <summary>The API answers 401/403; pages redirect to the sign-in or no-access page instead.</summary>
    private static Access Classify(HttpResponseMessage response)
    {
        var redirect = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.ToString() ?? "" : "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Access.SignInRequired,
            HttpStatusCode.Forbidden => Access.Forbidden,
            _ when redirect.Contains("/inloggen", StringComparison.Ordinal) => Access.SignInRequired,
            _ when redirect.Contains("/geen-toegang", StringComparison.Ordinal) => Access.Forbidden,
            _ => Access.Allowed,
        };
    }

    private IReadOnlyList<string> RoutedEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} /{RoutePattern(e)}"))
            .ToList();

    private static string RoutePattern(RouteEndpoint endpoint) =>
        string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));

    private static HttpRequestMessage Request(string endpoint)
    {
        var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        // Session 1 may be the signed-in one; ending it would end the test's session. No session has id 0.
        pattern = pattern.Replace("/sessions/{id}", "/sessions/0", StringComparison.Ordinal);
        var path = pattern.Replace("{id}", "1", StringComparison.Ordinal).Replace("{contractId}", "1", StringComparison.Ordinal)
            .Replace("{kind}", "providers", StringComparison.Ordinal).Replace("{soort}", "uitgaven", StringComparison.Ordinal)
            .Replace("{name}", "onbekend", StringComparison.Ordinal).Replace("{code}", "404", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }
}
