using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests;

public sealed class ContractsApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    private const string Contracts = "/api/v1/contracts";

    [Fact]
    public async Task A_created_contract_shows_its_key_dates()
    {
        var providerId = await Client.CreateProviderAsync();
        var id = await Client.CreateAsync(Contracts, ContractBody(providerId));

        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        var keyDates = contract.RootElement.GetProperty("keyDates");
        // 31 Dec 2026 with options 12 + 12 months, notice 6 months, procurement lead time 6 months.
        Assert.Equal("2026-12-31", keyDates.GetProperty("currentEnd").GetString());
        Assert.Equal("2028-12-31", keyDates.GetProperty("maximumEnd").GetString());
        Assert.Equal("2026-06-30", keyDates.GetProperty("decisionDeadline").GetString());
        Assert.Equal("NoticePeriod", keyDates.GetProperty("decisionDeadlineSetBy").GetString());
        Assert.Equal("2028-06-30", keyDates.GetProperty("procurementStartDeadline").GetString());
        Assert.Equal(["0141", "1735"], contract.RootElement.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Extending_exercises_the_next_option_and_moves_the_key_dates_until_none_remain()
    {
        var providerId = await Client.CreateProviderAsync();
        var id = await Client.CreateAsync(Contracts, ContractBody(providerId));
        var decide = new { decision = "Verlengen", reason = "Prestaties op norm" };

        var first = await Client.PostJsonAsync($"{Contracts}/{id}/renewal-decisions", decide);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var result = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            var keyDates = result.RootElement.GetProperty("contract").GetProperty("keyDates");
            Assert.Equal("2027-12-31", keyDates.GetProperty("currentEnd").GetString());
            Assert.Equal("2027-06-30", keyDates.GetProperty("decisionDeadline").GetString());
            Assert.Equal(1, result.RootElement.GetProperty("decision").GetProperty("exercisedOptionSequence").GetInt32());
            // The clock stands at 1 March 2026: the decision is taken today, by the signed-in user.
            Assert.Equal("2026-03-01", result.RootElement.GetProperty("decision").GetProperty("decidedOn").GetString());
            Assert.Equal(ContractRegieApp.UserNameFor(Role.Contractmanager), result.RootElement.GetProperty("decision").GetProperty("decidedBy").GetString());
            Assert.False(result.RootElement.GetProperty("decision").GetProperty("late").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"{Contracts}/{id}/renewal-decisions", decide)).StatusCode);
        using (var contract = await Client.GetJsonAsync($"{Contracts}/{id}"))
        {
            var keyDates = contract.RootElement.GetProperty("keyDates");
            Assert.Equal("2028-12-31", keyDates.GetProperty("currentEnd").GetString());
            Assert.Equal(JsonValueKind.Null, keyDates.GetProperty("decisionDeadline").ValueKind);
        }

        await (await Client.PostJsonAsync($"{Contracts}/{id}/renewal-decisions", decide)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var history = await Client.GetJsonAsync($"{Contracts}/{id}/renewal-decisions");
        Assert.Equal(2, history.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Deciding_to_procure_again_sets_the_procurement_deadline_from_the_current_end()
    {
        var providerId = await Client.CreateProviderAsync();
        var id = await Client.CreateAsync(Contracts, ContractBody(providerId));

        var response = await Client.PostJsonAsync($"{Contracts}/{id}/renewal-decisions",
            new { decision = "OpnieuwAanbesteden", decidingBody = "College", reason = "Markt veranderd" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        var keyDates = contract.RootElement.GetProperty("keyDates");
        Assert.Equal("2026-06-30", keyDates.GetProperty("procurementStartDeadline").GetString()); // current end − 6 months lead time
        Assert.Equal(JsonValueKind.Null, keyDates.GetProperty("decisionDeadline").ValueKind);
        Assert.Equal("OpnieuwAanbesteden", contract.RootElement.GetProperty("latestDecision").GetString());
    }

    [Fact]
    public async Task Lists_filter_on_attributes_text_and_key_dates()
    {
        var providerId = await Client.CreateProviderAsync();
        var manager = "cm" + NextDigits(5);
        var wmo = ContractBody(providerId);
        wmo["law"] = "Wmo";
        wmo["kind"] = "Maatwerk";
        wmo["title"] = "Begeleiding maatwerk Hengelo";
        wmo["contractManager"] = manager;
        wmo["initialEndDate"] = "2026-09-30";
        wmo["extensionOptions"] = Array.Empty<object>();
        var jeugd = ContractBody(providerId);
        jeugd["contractManager"] = manager;
        jeugd["status"] = "Concept";
        await Client.CreateAsync(Contracts, wmo);
        await Client.CreateAsync(Contracts, jeugd);
        var mine = $"{Contracts}?contractManager={manager}";

        Assert.Equal(2, await Client.CountAsync(mine));
        Assert.Equal(1, await Client.CountAsync($"{mine}&law=Wmo"));
        Assert.Equal(1, await Client.CountAsync($"{mine}&kind=Maatwerk"));
        Assert.Equal(1, await Client.CountAsync($"{mine}&status=Concept"));
        Assert.Equal(2, await Client.CountAsync($"{mine}&providerId={providerId}"));
        Assert.Equal(1, await Client.CountAsync($"{mine}&q=HENGELO"));
        // Only the Jeugdwet contract has an option left; its decision is due 30 June 2026.
        Assert.Equal(1, await Client.CountAsync($"{mine}&decisionDueBefore=2026-07-01"));
        Assert.Equal(0, await Client.CountAsync($"{mine}&decisionDueBefore=2026-06-30"));
        Assert.Equal(1, await Client.CountAsync($"{mine}&endsBefore=2026-12-31"));
        Assert.Equal(2, await Client.CountAsync($"{mine}&endsBefore=2027-01-01"));
    }

    [Fact]
    public async Task A_search_matching_more_than_it_counts_gives_a_lower_bound_a_next_link_and_no_last_page()
    {
        var agb = "5" + NextDigits(7);
        await Client.CreateAsync("/api/v1/providers", ProviderBody(agb));
        var manager = "cm" + NextDigits(5);
        var csv = new System.Text.StringBuilder("contractnummer;omschrijving;agb_code;soort;wet;aanbestedingsroute;gemeenten;startdatum;einddatum;contractmanager\n");
        for (var i = 0; i <= 1_000; i++)
        {
            csv.Append($"VEEL-{manager}-{i:D4};Dagbesteding;{agb};Lokaal;Wmo;OpenHouse;0141;01-01-2025;31-12-2027;{manager}\n");
        }
        var imported = await Client.PostAsync("/api/v1/register-imports/contracts",
            new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var mine = $"{Contracts}?contractManager={manager}&pageSize=500";

        using var first = await Client.GetJsonAsync(mine);
        using var end = await Client.GetJsonAsync(mine + "&page=3");
        var html = await Client.GetStringAsync($"/contracten?contractManager={manager}");
        // The same contracts found by a text in their numbers: a text search counts less far.
        var byText = await Client.GetStringAsync($"/contracten?q=VEEL-{manager}");

        Assert.Equal((1_000, false), (first.RootElement.GetProperty("totalCount").GetInt32(), first.RootElement.GetProperty("totalCountIsExact").GetBoolean()));
        var links = first.RootElement.GetProperty("links");
        Assert.Contains("page=2", links.GetProperty("next").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, links.GetProperty("last").ValueKind);
        Assert.Equal((1_001, true), (end.RootElement.GetProperty("totalCount").GetInt32(), end.RootElement.GetProperty("totalCountIsExact").GetBoolean()));
        Assert.Equal(1, end.RootElement.GetProperty("items").GetArrayLength());
        Assert.Contains("Meer dan 1.000 contracten; verfijn de zoekopdracht", html, StringComparison.Ordinal);
        Assert.Contains("Meer dan 250 contracten; verfijn de zoekopdracht", byText, StringComparison.Ordinal);
        Assert.Contains("<span>Pagina 1</span>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_also_finds_contracts_by_provider_name()
    {
        var provider = ProviderBody();
        provider["name"] = "Stichting Kwartelkoning " + NextDigits(4);
        var providerId = await Client.CreateAsync("/api/v1/providers", provider);
        await Client.CreateAsync(Contracts, ContractBody(providerId));

        Assert.Equal(1, await Client.CountAsync($"{Contracts}?q=kwartelkoning"));
    }

    public static TheoryData<string, string> InvalidContracts => new()
    {
        { """{"initialEndDate":"2023-12-31"}""", "initialEndDate" },
        { """{"providerId":987654}""", "providerId" },
        { """{"municipalities":["141"]}""", "municipalities" },
        { """{"extensionOptions":[{"durationMonths":0}]}""", "extensionOptions[0].durationMonths" },
        { """{"contractNumber":""}""", "contractNumber" },
    };

    [Theory]
    [MemberData(nameof(InvalidContracts))]
    public async Task Invalid_contracts_are_field_errors_and_nothing_is_written(string change, string field)
    {
        var providerId = await Client.CreateProviderAsync();
        var body = ContractBody(providerId);
        foreach (var property in JsonDocument.Parse(change).RootElement.EnumerateObject())
        {
            body[property.Name] = property.Value.Clone();
        }
        var before = await Client.CountAsync(Contracts);

        var fields = await (await Client.PostJsonAsync(Contracts, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], fields);
        Assert.Equal(before, await Client.CountAsync(Contracts));
    }

    [Theory]
    [InlineData("""{"contractNumber":"X-1","kind":"Regionaal"}""", "kind")]
    [InlineData("""{"contractNumber":"X-1","law":3}""", "law")]
    [InlineData("""{"contractNumber":"X-1","startDate":"31-12-2026"}""", "startDate")]
    [InlineData("""{"contractNumber":"X-1","unknownField":true}""", "unknownField")]
    [InlineData("""{"contractNumber":"X-1",""", "body")]
    [InlineData("""not json""", "body")]
    public async Task Unreadable_json_is_a_field_error_at_the_place_it_fails(string json, string field)
    {
        var before = await Client.CountAsync(Contracts);

        var fields = await (await Client.PostRawAsync(Contracts, json)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], fields);
        Assert.Equal(before, await Client.CountAsync(Contracts));
    }

    [Fact]
    public async Task A_duplicate_contract_number_is_a_conflict()
    {
        var providerId = await Client.CreateProviderAsync();
        var body = ContractBody(providerId);
        await Client.CreateAsync(Contracts, body);

        await (await Client.PostJsonAsync(Contracts, body)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("?kind=Regionaal", "kind")]
    [InlineData("?decisionDueBefore=1-1-2026", "decisionDueBefore")]
    [InlineData("?providerId=abc", "providerId")]
    [InlineData("?status=7", "status")]
    public async Task Bad_filters_are_field_errors(string query, string field)
    {
        var fields = await (await Client.GetAsync(Contracts + query)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], fields);
    }

    [Fact]
    public async Task Replacing_a_contract_replaces_its_options_and_municipalities_but_exercises_none()
    {
        var providerId = await Client.CreateProviderAsync();
        var body = ContractBody(providerId);
        var id = await Client.CreateAsync(Contracts, body);
        body["municipalities"] = new[] { "0141" };
        body["extensionOptions"] = new[] { new { durationMonths = 24, exercised = true } };

        Assert.Equal(HttpStatusCode.OK, (await Client.PutMatchingAsync($"{Contracts}/{id}", body)).StatusCode);

        using var options = await Client.GetJsonAsync($"{Contracts}/{id}/extension-options");
        var option = Assert.Single(options.RootElement.EnumerateArray());
        Assert.Equal(24, option.GetProperty("durationMonths").GetInt32());
        Assert.False(option.GetProperty("exercised").GetBoolean());
        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        Assert.Equal("2026-12-31", contract.RootElement.GetProperty("keyDates").GetProperty("currentEnd").GetString());
        Assert.Equal(["0141"], contract.RootElement.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
    }
}
