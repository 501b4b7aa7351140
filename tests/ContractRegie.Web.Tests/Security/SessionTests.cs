using System.Net;
using System.Text.Json;
using ContractRegie.Data;
using ContractRegie.Web.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Security;

/// <summary>A session is checked against the user store on every request, so taking rights away works at once.</summary>
public sealed class SessionTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    private const string Sessions = "/api/v1/sessions";

    private sealed record SignedInUser(HttpClient Admin, long Id, string UserName, HttpClient Client, string Cookie);

    private async Task<SignedInUser> SignedInUserAsync(string role)
    {
        var admin = await app.CreateClientAsAsync(Core.Security.Role.Beheerder);
        var userName = "sessie-" + ApiClient.NextDigits(5);
        var id = await admin.CreateAsync("/api/v1/users",
            new { userName, displayName = "Sessie Test", roles = new[] { role }, password = ContractRegieApp.Password });
        var client = app.CreateClient();
        var signIn = await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Sessions}/current")).StatusCode);
        return new SignedInUser(admin, id, userName, client, signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_at_the_next_request()
    {
        var (admin, id, _, client, _) = await SignedInUserAsync("Lezer");

        (await admin.PutJsonAsync($"/api/v1/users/{id}", new { displayName = "Sessie Test", roles = new[] { "Lezer" }, active = false }))
            .EnsureSuccessStatusCode();

        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_made_inactive_in_the_database_itself_is_signed_out_at_the_next_request_though_the_stamp_is_unchanged()
    {
        var (_, id, _, client, _) = await SignedInUserAsync("Lezer");

        await ExecuteAsync("UPDATE app_user SET active = @Active WHERE id = @Id", new { Active = false, Id = id });

        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_whose_session_belongs_to_another_user_is_refused()
    {
        var (_, id, _, client, _) = await SignedInUserAsync("Lezer");
        var (_, otherId, _, _, _) = await SignedInUserAsync("Lezer");

        // The cookie names its user and its session (the user's only one); the session is now the other user's.
        await ExecuteAsync("UPDATE user_session SET user_id = @OtherId WHERE user_id = @Id", new { OtherId = otherId, Id = id });

        await (await client.GetAsync("/api/v1/contracts")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteAsync(sql, parameters));
    }

    [Fact]
    public async Task A_demoted_contractmanager_cannot_write_with_the_old_cookie_and_signs_in_with_the_new_role()
    {
        var (admin, id, userName, client, _) = await SignedInUserAsync("Contractmanager");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/providers", ApiClient.ProviderBody())).StatusCode);

        (await admin.PutJsonAsync($"/api/v1/users/{id}", new { displayName = "Sessie Test", roles = new[] { "Lezer" }, active = true }))
            .EnsureSuccessStatusCode();

        await (await client.PostJsonAsync("/api/v1/providers", ApiClient.ProviderBody())).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password })).StatusCode);
        await (await client.PostJsonAsync("/api/v1/providers", ApiClient.ProviderBody())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_only_the_display_name_keeps_the_session()
    {
        var (admin, id, _, client, _) = await SignedInUserAsync("Lezer");

        (await admin.PutJsonAsync($"/api/v1/users/{id}", new { displayName = "Andere Naam", roles = new[] { "Lezer" }, active = true }))
            .EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Sessions}/current")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_existing_sessions()
    {
        var (admin, id, _, client, _) = await SignedInUserAsync("Inkoper");

        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PutJsonAsync($"/api/v1/users/{id}/password", new { password = "een-heel-nieuw-wachtwoord" })).StatusCode);

        await (await client.GetAsync($"{Sessions}/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_makes_a_copied_cookie_worthless()
    {
        var (_, _, _, client, cookie) = await SignedInUserAsync("Lezer");
        var copy = app.CreateClient(new() { HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync($"{Sessions}/current")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Sessions}/current")).StatusCode);

        await (await copy.GetAsync($"{Sessions}/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_in_use_still_ends_after_the_absolute_lifetime()
    {
        var (_, _, _, client, _) = await SignedInUserAsync("Lezer");
        try
        {
            // Idle 8 hours, at most 12 (the defaults): used after 7 hours it slides, after 13 hours it has ended.
            app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(7);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Sessions}/current")).StatusCode);
            app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(13);
            await (await client.GetAsync($"{Sessions}/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Now = ContractRegieApp.DefaultNow;
        }
    }

    [Fact]
    public async Task Unknown_wrong_and_locked_accounts_get_the_same_answer_and_locked_attempts_are_audited()
    {
        var (_, id, userName, _, _) = await SignedInUserAsync("Lezer");
        var auditor = await app.CreateClientAsAsync(Core.Security.Role.Lezer);
        var client = app.CreateClient();

        var unknown = await AnswerAsync(await client.PostJsonAsync(Sessions, new { userName = "bestaat-niet-" + userName, password = "iets-anders" }));
        var wrong = await AnswerAsync(await client.PostJsonAsync(Sessions, new { userName, password = "verkeerd-wachtwoord" }));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.PostJsonAsync(Sessions, new { userName, password = "verkeerd-wachtwoord" });
        }
        var failuresBefore = await SignInFailuresAsync(auditor, id);
        var locked = await AnswerAsync(await client.PostJsonAsync(Sessions, new { userName, password = ContractRegieApp.Password }));

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal(failuresBefore + 1, await SignInFailuresAsync(auditor, id));
    }

    [Fact]
    public async Task A_password_typed_as_user_name_or_an_endless_name_is_not_stored_in_the_audit_trail()
    {
        var auditor = await app.CreateClientAsAsync(Core.Security.Role.Lezer);
        var typedPassword = "Zomer2026!geheim" + ApiClient.NextDigits(4);
        var client = app.CreateClient();

        await (await client.PostJsonAsync(Sessions, new { userName = typedPassword, password = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync(Sessions, new { userName = new string('n', 100_000), password = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var trail = await (await auditor.GetAsync("/api/v1/audit-entries?entity=user&pageSize=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(typedPassword, trail);
        Assert.DoesNotContain(new string('n', 101), trail);
        using var unknown = await auditor.GetJsonAsync("/api/v1/audit-entries?entity=user&entityId=onbekend");
        Assert.True(unknown.RootElement.GetProperty("totalCount").GetInt32() >= 2);
    }

    private static async Task<int> SignInFailuresAsync(HttpClient auditor, long id)
    {
        using var page = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity=user&entityId={id}&pageSize=500");
        return page.RootElement.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "SignInFailed");
    }

    /// <summary>Status, content type and body without the per-request trace id.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var fields = json.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {string.Join(";", fields)}";
    }
}

/// <summary>A user sees where they are signed in and ends a session elsewhere; nobody ends another user's session.</summary>
public sealed class OwnSessionsTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    [Fact]
    public async Task A_user_lists_their_open_sessions_and_ends_the_other_one()
    {
        var admin = await app.CreateClientAsAsync(Core.Security.Role.Beheerder);
        var userName = "apparaten-" + ApiClient.NextDigits(5);
        await admin.CreateAsync("/api/v1/users", new { userName, displayName = "Twee Apparaten", roles = new[] { "Lezer" }, password = ContractRegieApp.Password });
        var laptop = await SignInAsync(userName, "Laptop/1.0");
        var phone = await SignInAsync(userName, "Telefoon/2.0");

        using var list = await laptop.GetJsonAsync("/api/v1/sessions");
        var sessions = list.RootElement.GetProperty("items").EnumerateArray().Select(s => s.Clone()).ToList();
        Assert.Equal(2, list.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Laptop/1.0"], sessions.Where(s => s.GetProperty("current").GetBoolean()).Select(s => s.GetProperty("userAgent").GetString()));
        var phoneSession = sessions.Single(s => s.GetProperty("userAgent").GetString() == "Telefoon/2.0").GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/v1/sessions/{phoneSession}")).StatusCode);

        await (await phone.GetAsync("/api/v1/sessions/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/sessions/current")).StatusCode);
        Assert.Equal(1, await laptop.CountAsync("/api/v1/sessions"));
    }

    [Fact]
    public async Task Another_users_session_cannot_be_ended_and_signing_out_ends_only_this_session()
    {
        var admin = await app.CreateClientAsAsync(Core.Security.Role.Beheerder);
        var userName = "ander-" + ApiClient.NextDigits(5);
        await admin.CreateAsync("/api/v1/users", new { userName, displayName = "Ander", roles = new[] { "Lezer" }, password = ContractRegieApp.Password });
        var first = await SignInAsync(userName, "Eerste/1.0");
        var second = await SignInAsync(userName, "Tweede/1.0");
        using var list = await first.GetJsonAsync("/api/v1/sessions");
        var firstSession = list.RootElement.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetInt64();

        await (await admin.DeleteAsync($"/api/v1/sessions/{firstSession}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/sessions/current")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync("/api/v1/sessions/current")).StatusCode);
        await (await first.GetAsync("/api/v1/sessions/current")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/sessions/current")).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string userName, string userAgent)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/sessions", new { userName, password = ContractRegieApp.Password })).StatusCode);
        return client;
    }
}
