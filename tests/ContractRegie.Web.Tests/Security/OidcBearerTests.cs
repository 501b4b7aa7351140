using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContractRegie.Web.Tests.Security;

/// <summary>
/// A stand-in for the municipality's identity provider: it publishes OIDC discovery and its signing key over
/// HTTP and issues tokens. No real identity provider can run here; everything on ContractRegie's side is real.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private WebApplication? _server;

    public string Authority { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Authority = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Authority);
        _server = builder.Build();
        _server.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = Authority + "/jwks",
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _server.MapGet("/jwks", () =>
        {
            var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        await _server.StartAsync();
    }

    public string Token(string userName, string audience, params string[] roles)
    {
        var claims = new List<Claim> { new("preferred_username", userName), new("sub", userName) };
        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class OidcBearerTests(TestIdentityProvider idp) : IClassFixture<TestIdentityProvider>, IDisposable
{
    private const string ClientId = "contractregie";
    private ContractRegieApp? _app;

    private ContractRegieApp App => _app ??= new ContractRegieApp
    {
        Settings = new Dictionary<string, string>
        {
            ["Authentication:Mode"] = "Oidc",
            ["Authentication:Oidc:Authority"] = idp.Authority,
            ["Authentication:Oidc:ClientId"] = ClientId,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:RoleMapping:SD-Contractbeheer"] = "Contractmanager",
            ["Authentication:Oidc:RoleMapping:SD-Lezers"] = "Lezer",
        },
    };

    private HttpClient ClientWith(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_whose_group_maps_to_contractmanager_may_write_and_is_audited_by_name()
    {
        var client = ClientWith(idp.Token("a.de.vries", ClientId, "SD-Contractbeheer"));

        var id = await client.CreateAsync("/api/v1/providers", ApiClient.ProviderBody());

        using var audit = await ClientWith(idp.Token("l.lezer", ClientId, "SD-Lezers")).GetJsonAsync($"/api/v1/audit-entries?entity=provider&entityId={id}");
        Assert.Equal("a.de.vries", audit.RootElement.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_token_with_an_unmapped_group_reads_nothing()
    {
        var client = ClientWith(idp.Token("x.onbekend", ClientId, "Iets-anders"));

        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reader_token_cannot_write()
    {
        var client = ClientWith(idp.Token("l.lezer", ClientId, "SD-Lezers"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contracts")).StatusCode);
        await (await client.PostJsonAsync("/api/v1/providers", ApiClient.ProviderBody())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("another-audience")]
    [InlineData(null)]
    public async Task Tokens_for_another_audience_or_no_token_are_refused(string? audience)
    {
        var client = audience is null ? App.CreateClient() : ClientWith(idp.Token("a.de.vries", audience, "SD-Contractbeheer"));

        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => _app?.Dispose();
}
