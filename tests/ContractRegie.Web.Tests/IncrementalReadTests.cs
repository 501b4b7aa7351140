using System.Globalization;
using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests;

/// <summary>
/// A data warehouse reads only what changed: every write sets <c>updatedAt</c> from the clock, and <c>updatedSince</c> lists the
/// rows changed at or after an instant. On both engines the tests run on here, through the real pipeline.
/// </summary>
public sealed class IncrementalReadTests
{
    // Instants with a fraction of a second, so "at or after" is checked to the millisecond (and not only to the second).
    private static readonly DateTimeOffset Created = ContractRegieApp.DefaultNow;
    private static readonly DateTimeOffset FirstChange = Created.AddMinutes(5).AddMilliseconds(250);
    private static readonly DateTimeOffset SecondChange = Created.AddMinutes(10).AddMilliseconds(750);

    public enum Engine { SQLite, PostgreSQL }

    public static TheoryData<Engine> Engines => [Engine.SQLite, Engine.PostgreSQL];

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Providers(Engine engine) => OnAsync(engine, ProvidersAsync);

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Contracts_with_their_options_and_decisions(Engine engine) => OnAsync(engine, ContractsAsync);

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Tariffs_budgets_and_outcome_agreements(Engine engine) => OnAsync(engine, TermsAsync);

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Deletions_are_read_from_the_audit_trail(Engine engine) => OnAsync(engine, DeletionsAsync);

    [Theory]
    [InlineData("/api/v1/providers?updatedSince=gisteren")]
    [InlineData("/api/v1/contracts?updatedSince=2026-13-01T00:00:00Z")]
    [InlineData("/api/v1/contracts/1/tariffs?updatedSince=1%20maart")]
    public async Task A_value_that_is_no_instant_is_a_field_error_under_updatedSince(string url)
    {
        await using var app = new ContractRegieApp();
        var client = await app.CreateClientAsAsync(Role.Lezer);

        var fields = await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["updatedSince"], fields);
    }

    /// <summary>Runs <paramref name="test"/> against a fresh host on <paramref name="engine"/>.</summary>
    private static async Task OnAsync(Engine engine, Func<ContractRegieApp, Task> test)
    {
        if (engine == Engine.SQLite)
        {
            await using var onSqlite = new ContractRegieApp();
            await test(onSqlite);
            return;
        }
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var onPostgres = new ContractRegieApp
        {
            Settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.ConnectionString },
        };
        await test(onPostgres);
    }

    private static async Task ProvidersAsync(ContractRegieApp app)
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var changed = $"/api/v1/providers/{await client.CreateProviderAsync()}";
        var unchanged = $"/api/v1/providers/{await client.CreateProviderAsync()}";
        Assert.Equal(Created, await UpdatedAtAsync(client, changed));

        app.Clock.Now = FirstChange;
        var put = await client.PutMatchingAsync(changed, ProviderBody());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal(FirstChange, UpdatedAtOf(await put.Content.ReadAsStringAsync()));
        Assert.Equal(FirstChange, await UpdatedAtAsync(client, changed));
        Assert.Equal(Created, await UpdatedAtAsync(client, unchanged));
        Assert.Equal([IdOf(changed)], await ListedIdsAsync(client, "/api/v1/providers", FirstChange));
        Assert.Equal([IdOf(changed), IdOf(unchanged)], (await ListedIdsAsync(client, "/api/v1/providers", Created)).Order());
        Assert.Empty(await ListedIdsAsync(client, "/api/v1/providers", FirstChange.AddMilliseconds(1)));
        // The same instant in another zone: updatedAt is UTC, the filter compares instants.
        Assert.Equal([IdOf(changed)], await ListedIdsAsync(client, "/api/v1/providers", FirstChange.ToOffset(TimeSpan.FromHours(1))));
    }

    private static async Task ContractsAsync(ContractRegieApp app)
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var providerId = await client.CreateProviderAsync();
        var decided = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", ContractBody(providerId))}";
        var replacedBody = ContractBody(providerId);
        var replaced = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", replacedBody)}";
        var untouched = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", ContractBody(providerId))}";
        Assert.Equal(Created, await UpdatedAtAsync(client, decided));

        // A renewal decision writes the contract's options and key dates, not its own fields: the contract changed all the same.
        app.Clock.Now = FirstChange;
        var decision = await client.PostJsonAsync($"{decided}/renewal-decisions", new { decision = "Verlengen", reason = "Prestaties op norm" });
        Assert.Equal(HttpStatusCode.Created, decision.StatusCode);
        Assert.Equal(FirstChange, await UpdatedAtAsync(client, decided));

        // Only a child row changes: one municipality less.
        app.Clock.Now = SecondChange;
        replacedBody["municipalities"] = new[] { "0141" };
        var put = await client.PutMatchingAsync(replaced, replacedBody);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(SecondChange, UpdatedAtOf(await put.Content.ReadAsStringAsync()));

        Assert.Equal([IdOf(decided), IdOf(replaced)], (await ListedIdsAsync(client, "/api/v1/contracts", FirstChange)).Order());
        Assert.Equal([IdOf(replaced)], await ListedIdsAsync(client, "/api/v1/contracts", SecondChange));
        Assert.Empty(await ListedIdsAsync(client, "/api/v1/contracts", SecondChange.AddMilliseconds(1)));
        Assert.Equal(Created, await UpdatedAtAsync(client, untouched));
        // The filter combines with the others.
        Assert.Equal([IdOf(decided), IdOf(replaced)],
            (await ListedIdsAsync(client, $"/api/v1/contracts?providerId={providerId}", FirstChange)).Order());
    }

    private static async Task TermsAsync(ContractRegieApp app)
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var contract = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", ContractBody(await client.CreateProviderAsync()))}";
        var terms = new (string Path, Func<int, object> Body)[]
        {
            ("tariffs", n => new { productCategory = "45", productCode = $"45A0{n}", unit = "Uur", priceCents = 8_550 + n, validFrom = "2026-01-01" }),
            ("budgets", n => new { year = 2026, municipalityCode = n == 2 ? "1735" : "0141", amountCents = 1_000_000L * n }),
            ("outcome-agreements", n => new { indicator = $"Indicator {n}", norm = 80m, direction = "AtLeast", unit = "%", frequency = "Jaar", tolerance = n }),
        };
        foreach (var (path, body) in terms)
        {
            app.Clock.Now = Created;
            var changed = $"{contract}/{path}/{await client.CreateAsync($"{contract}/{path}", body(1))}";
            var unchanged = $"{contract}/{path}/{await client.CreateAsync($"{contract}/{path}", body(2))}";
            Assert.Equal(Created, await UpdatedAtAsync(client, changed));

            app.Clock.Now = FirstChange;
            var put = await client.PutMatchingAsync(changed, body(3));
            Assert.True(put.StatusCode == HttpStatusCode.OK, $"PUT {changed}: {await put.Content.ReadAsStringAsync()}");

            Assert.Equal(FirstChange, UpdatedAtOf(await put.Content.ReadAsStringAsync()));
            Assert.Equal([IdOf(changed)], await ListedIdsAsync(client, $"{contract}/{path}", FirstChange));
            Assert.Empty(await ListedIdsAsync(client, $"{contract}/{path}", FirstChange.AddMilliseconds(1)));
            Assert.Equal([IdOf(changed), IdOf(unchanged)], (await ListedIdsAsync(client, $"{contract}/{path}", Created)).Order());
            Assert.Equal(Created, await UpdatedAtAsync(client, unchanged));
        }
    }

    private static async Task DeletionsAsync(ContractRegieApp app)
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var contract = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", ContractBody(await client.CreateProviderAsync()))}";
        var tariffId = await client.CreateAsync($"{contract}/tariffs",
            new { productCategory = "45", productCode = "45A01", unit = "Uur", priceCents = 8_550, validFrom = "2026-01-01" });
        var providerId = await client.CreateProviderAsync();
        app.Clock.Now = FirstChange;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteMatchingAsync($"{contract}/tariffs/{tariffId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteMatchingAsync($"/api/v1/providers/{providerId}")).StatusCode);
        var reader = await app.CreateClientAsAsync(Role.Lezer);

        // 1 March in Amsterdam starts at 28 February 23:00 UTC, 2 March at 1 March 23:00 UTC: after the deletions at 08:05 UTC.
        using var deleted = await reader.GetJsonAsync("/api/v1/audit-entries?action=Delete&from=2026-03-01");
        using var later = await reader.GetJsonAsync("/api/v1/audit-entries?action=Delete&from=2026-03-02");

        Assert.Equal([("provider", providerId.ToString(CultureInfo.InvariantCulture)), ("tariff_line", tariffId.ToString(CultureInfo.InvariantCulture))],
            deleted.RootElement.GetProperty("items").EnumerateArray()
                .Select(entry => (entry.GetProperty("entity").GetString(), entry.GetProperty("entityId").GetString())));
        Assert.Equal(0, later.RootElement.GetProperty("totalCount").GetInt32());
    }

    private static async Task<DateTimeOffset> UpdatedAtAsync(HttpClient client, string url)
    {
        using var json = await client.GetJsonAsync(url);
        return json.RootElement.GetProperty("updatedAt").GetDateTimeOffset();
    }

    private static DateTimeOffset UpdatedAtOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("updatedAt").GetDateTimeOffset();
    }

    /// <summary>The ids a list answers with <c>updatedSince</c> set to <paramref name="since"/> (a paged list's items, or a plain array).</summary>
    private static async Task<IReadOnlyList<long>> ListedIdsAsync(HttpClient client, string listUrl, DateTimeOffset since)
    {
        var separator = listUrl.Contains('?') ? '&' : '?';
        using var json = await client.GetJsonAsync($"{listUrl}{separator}updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("items");
        return items.EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();
    }

    private static long IdOf(string url) => long.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
}
