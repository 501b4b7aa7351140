using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Monitoring;

/// <summary>
/// Issue 12's statement and outcome rules through the real pipeline: the API, the CSV import and the jobs. The clock
/// stands at 1 March 2026 and is not moved: 2025 has ended, 2024's statement was due 1 June 2025, and 2025-K4's
/// outcome report was due 31 January 2026.
/// </summary>
public sealed class StatementAndOutcomeRulesApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    private const string Statements = "/api/v1/financial-statements";

    /// <summary>2024 in euros: total assets 1 000 000 = equity 400 000 + debt 600 000, of which 500 000 short-term.</summary>
    private static Dictionary<string, object?> Statement2024(long providerId) => new()
    {
        ["providerId"] = providerId, ["year"] = 2024, ["revenueCents"] = 200_000_000L, ["resultCents"] = 1_000_000L, ["equityCents"] = 40_000_000L,
        ["totalAssetsCents"] = 100_000_000L, ["currentAssetsCents"] = 70_000_000L, ["currentLiabilitiesCents"] = 50_000_000L,
        ["municipalRevenueCents"] = 50_000_000L, ["auditorOpinion"] = "Goedkeurend", ["filedOn"] = "2025-05-20",
    };

    private Task<HttpResponseMessage> ImportAsync(string kind, string csv) =>
        Client.PostAsync($"/api/v1/register-imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<JsonElement[]> SignalsAsync(string subjectType, long subjectId, string kind)
    {
        using var page = await Client.GetJsonAsync($"/api/v1/signals?subjectType={subjectType}&subjectId={subjectId}&kind={kind}");
        return page.RootElement.GetProperty("items").EnumerateArray().Select(s => s.Clone()).ToArray();
    }

    [Theory]
    [InlineData("equityCents", 100_000_001L)]             // equity above the total assets
    [InlineData("currentLiabilitiesCents", 60_000_001L)]  // more short-term debt than all debt (1 000 000 − 400 000)
    [InlineData("currentAssetsCents", 100_000_001L)]
    [InlineData("year", 2026L)]                           // the year runs until 31 Dec 2026
    public async Task An_impossible_statement_is_a_field_error_and_nothing_is_stored(string field, long value)
    {
        var providerId = await Client.CreateProviderAsync();
        var statement = Statement2024(providerId);
        statement[field] = value;
        if (field == "year")
        {
            statement["filedOn"] = null;
        }

        Assert.Equal([field], await (await Client.PostJsonAsync(Statements, statement)).AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await Client.CountAsync($"{Statements}?providerId={providerId}"));
    }

    [Theory]
    [InlineData("2026-03-02")] // tomorrow
    [InlineData("2024-12-31")] // before the year ended
    public async Task A_filing_date_in_the_future_or_before_the_year_ended_is_refused(string filedOn)
    {
        var providerId = await Client.CreateProviderAsync();
        var statement = Statement2024(providerId);
        statement["filedOn"] = filedOn;

        Assert.Equal(["filedOn"], await (await Client.PostJsonAsync(Statements, statement)).AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await Client.CountAsync($"{Statements}?providerId={providerId}"));
    }

    [Fact]
    public async Task An_import_with_an_impossible_statement_reports_the_row_and_writes_nothing()
    {
        var agb = "5" + NextDigits(7);
        var providerId = await Client.CreateAsync("/api/v1/providers", ProviderBody(agb));
        var csv = "agb_code;boekjaar;omzet;resultaat;eigen_vermogen;balanstotaal;vlottende_activa;kortlopende_schulden;omzet_gemeente;accountantsverklaring\n"
                  + $"{agb};2024;2000000;10000;400000;1000000;700000;500000;500000;Goedkeurend\n"
                  + $"{agb};2023;2000000;10000;1200000;1000000;700000;500000;500000;Goedkeurend\n";

        var response = await ImportAsync("financial-statements", csv);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(problem.RootElement.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal((3, "eigen_vermogen"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(0, await Client.CountAsync($"{Statements}?providerId={providerId}"));
    }

    [Fact]
    public async Task A_contracted_provider_without_its_2024_statement_gets_one_missing_statement_signal_and_others_none()
    {
        var contracted = await Client.CreateProviderAsync();
        await Client.CreateAsync("/api/v1/contracts", ContractBody(contracted));
        var uncontracted = await Client.CreateProviderAsync();
        var filed = await Client.CreateProviderAsync();
        await Client.CreateAsync("/api/v1/contracts", ContractBody(filed));
        await Client.CreateAsync(Statements, Statement2024(filed));

        await App.RunJobAsync("financial-stability");
        await App.RunJobAsync("financial-stability");

        var missing = Assert.Single(await SignalsAsync("provider", contracted, "FinancialStatementMissing"));
        Assert.Equal($"FinancialStatementMissing:{contracted}:2024", missing.GetProperty("dedupeKey").GetString());
        Assert.Equal("j.jansen", missing.GetProperty("recipient").GetString());
        Assert.Contains("uiterlijk 01-06-2025", missing.GetProperty("facts").GetString());
        Assert.Empty(await SignalsAsync("provider", uncontracted, "FinancialStatementMissing"));
        Assert.Empty(await SignalsAsync("provider", filed, "FinancialStatementMissing"));

        await Client.CreateAsync(Statements, Statement2024(contracted));
        await App.RunJobAsync("financial-stability");
        var answered = Assert.Single(await SignalsAsync("provider", contracted, "FinancialStatementMissing"));
        Assert.Equal(("Resolved", "Automatisch afgehandeld op 01-03-2026: de jaarrekening is ontvangen."), (answered.GetProperty("status").GetString(), answered.GetProperty("resolutionNote").GetString()));
    }

    [Fact]
    public async Task A_measurement_for_a_period_that_has_not_begun_is_refused_by_the_api_and_the_import()
    {
        var contract = ContractBody(await Client.CreateProviderAsync());
        var contractId = await Client.CreateAsync("/api/v1/contracts", contract);
        await Client.CreateAsync($"/api/v1/contracts/{contractId}/outcome-agreements", new
        {
            indicator = "Wachttijd tot start zorg", norm = 42, direction = "AtMost", unit = "dagen", frequency = "Kwartaal", tolerance = 3,
        });

        var response = await Client.PostJsonAsync("/api/v1/outcome-measurements",
            new { contractId, indicator = "Wachttijd tot start zorg", period = "2026-K2", value = 30, reportedOn = "2026-03-01" });
        var csv = "contractnummer;indicator;periode;waarde;gerapporteerd_op\n"
                  + $"{contract["contractNumber"]};Wachttijd tot start zorg;2026-K1;30;01-03-2026\n"
                  + $"{contract["contractNumber"]};Wachttijd tot start zorg;2026-K2;30;01-03-2026\n";
        var import = await ImportAsync("outcome-measurements", csv);

        Assert.Equal(["period"], await response.AssertProblemAsync(HttpStatusCode.BadRequest));
        await import.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var problem = JsonDocument.Parse(await import.Content.ReadAsStringAsync());
        Assert.Equal(3, Assert.Single(problem.RootElement.GetProperty("rowErrors").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Equal(0, await Client.CountAsync($"/api/v1/outcome-measurements?contractId={contractId}"));
    }

    [Fact]
    public async Task Every_overdue_report_is_named_in_one_signal_per_agreement_that_follows_what_comes_in()
    {
        var contract = ContractBody(await Client.CreateProviderAsync());
        contract["startDate"] = "2025-04-01"; // quarters 2025-K2, K3 and K4 are overdue today
        var contractId = await Client.CreateAsync("/api/v1/contracts", contract);
        var agreementId = await Client.CreateAsync($"/api/v1/contracts/{contractId}/outcome-agreements", new
        {
            indicator = "Wachttijd tot start zorg", norm = 42, direction = "AtMost", unit = "dagen", frequency = "Kwartaal", tolerance = 3,
        });
        await Client.CreateAsync("/api/v1/outcome-measurements",
            new { contractId, indicator = "Wachttijd tot start zorg", period = "2025-K3", value = 30, reportedOn = "2025-10-20" });

        await App.RunJobAsync("outcome-monitoring");
        var first = Assert.Single(await SignalsAsync("contract", contractId, "OutcomeReportMissing"));
        Assert.Equal(($"OutcomeReportMissing:{agreementId}", 202512), (first.GetProperty("dedupeKey").GetString(), first.GetProperty("stage").GetInt32()));
        Assert.Equal("Er is niets ontvangen over: 2025-K2 (uiterlijk 31-07-2025), 2025-K4 (uiterlijk 31-01-2026).", first.GetProperty("facts").GetString());

        await Client.CreateAsync("/api/v1/outcome-measurements",
            new { contractId, indicator = "Wachttijd tot start zorg", period = "2025-K2", value = 30, reportedOn = "2026-03-01" });
        await App.RunJobAsync("outcome-monitoring");

        var updated = Assert.Single(await SignalsAsync("contract", contractId, "OutcomeReportMissing"));
        // An earlier report coming in updates the facts; the latest missing period, and so the stage, stays.
        Assert.Equal((first.GetProperty("id").GetInt64(), 202512), (updated.GetProperty("id").GetInt64(), updated.GetProperty("stage").GetInt32()));
        Assert.Equal("Er is niets ontvangen over: 2025-K4 (uiterlijk 31-01-2026).", updated.GetProperty("facts").GetString());
        Assert.Equal("Open", updated.GetProperty("status").GetString());

        await Client.CreateAsync("/api/v1/outcome-measurements",
            new { contractId, indicator = "Wachttijd tot start zorg", period = "2025-K4", value = 30, reportedOn = "2026-03-01" });
        await App.RunJobAsync("outcome-monitoring");

        var answered = Assert.Single(await SignalsAsync("contract", contractId, "OutcomeReportMissing"));
        Assert.Equal(("Resolved", "Automatisch afgehandeld op 01-03-2026: de ontbrekende rapportages zijn binnen."),
            (answered.GetProperty("status").GetString(), answered.GetProperty("resolutionNote").GetString()));
    }
}
