using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests.Security;

public sealed class SignInTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    private const string Sessions = "/api/v1/sessions";

    [Fact]
    public async Task The_configured_first_beheerder_can_sign_in_and_sees_its_role()
    {
        var client = app.CreateClient();

        var signIn = await client.PostJsonAsync(Sessions, new { userName = "beheerder", password = "eerste-beheerder-wachtwoord" });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var session = await client.GetJsonAsync($"{Sessions}/current");
        Assert.Equal(["Beheerder"], session.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_wrong_password_is_a_problem_401_and_gives_no_session()
    {
        var client = app.CreateClient();

        await (await client.PostJsonAsync(Sessions, new { userName = "beheerder", password = "fout-wachtwoord!!" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync($"{Sessions}/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.CreateClientAsAsync(Role.Lezer);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Sessions}/current")).StatusCode);
        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        var userName = "slot-" + ApiClient.NextDigits(4);
        await admin.CreateAsync("/api/v1/users", new { userName, displayName = "Slot Test", roles = new[] { "Lezer" }, password = ContractRegieApp.Password });
        var client = app.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await client.PostJsonAsync(Sessions, new { userName, password = "verkeerd-wachtwoord" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        await (await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        app.Clock.Now += TimeSpan.FromMinutes(16);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password })).StatusCode);
        }
        finally
        {
            app.Clock.Now = ContractRegieApp.DefaultNow;
        }
    }

    [Fact]
    public async Task The_beheerder_resets_a_password_and_the_old_one_stops_working()
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        var userName = "reset-" + ApiClient.NextDigits(4);
        var id = await admin.CreateAsync("/api/v1/users", new { userName, displayName = "Reset Test", roles = new[] { "Inkoper" }, password = ContractRegieApp.Password });

        await (await admin.PutJsonAsync($"/api/v1/users/{id}/password", new { password = "kort" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutJsonAsync($"/api/v1/users/{id}/password", new { password = "een-nieuw-lang-wachtwoord" })).StatusCode);

        var client = app.CreateClient();
        await (await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Sessions, new { userName, password = "een-nieuw-lang-wachtwoord" })).StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_are_refused_when_creating_a_user()
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);

        var fields = await (await admin.PostJsonAsync("/api/v1/users",
            new { userName = "x-" + ApiClient.NextDigits(4), displayName = "X", roles = new[] { "Superuser" }, password = ContractRegieApp.Password }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("roles", fields);
    }
}

/// <summary>Its own host, so the low sign-in limit cannot disturb other tests.</summary>
public sealed class SignInThrottlingTests : IDisposable
{
    private readonly ContractRegieApp _app = new() { SignInAttemptsPerMinute = 3 };

    [Fact]
    public async Task Sign_in_is_throttled_after_the_configured_attempts_per_minute()
    {
        var client = _app.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await (await client.PostJsonAsync("/api/v1/sessions", new { userName = "niemand", password = "iets-wat-niet-klopt" }))
                .AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var throttled = await client.PostJsonAsync("/api/v1/sessions", new { userName = "beheerder", password = "eerste-beheerder-wachtwoord" });

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("60", throttled.Headers.GetValues("Retry-After").Single());
    }

    public void Dispose() => _app.Dispose();
}
