using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests.Security;

public sealed class SecurityHeaderTests(ContractRegieApp app) : SignedInTest(app, Role.Lezer)
{
    [Theory]
    [InlineData("/api/v1/contracts")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/health/live")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
    }

    [Fact]
    public async Task Https_responses_add_strict_transport_security()
    {
        var https = App.CreateClient(new() { BaseAddress = new Uri("https://contractregie.almelo.test") });

        var response = await https.GetAsync("/health/live");

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False((await Client.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security"));
    }
}
