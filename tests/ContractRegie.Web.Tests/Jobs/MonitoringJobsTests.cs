using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// Outcome monitoring and financial stability through the API, with e-mail to a real SMTP server. The clock starts
/// at 1 March 2026: the last quarter whose report is overdue is 2025-K4 (due 31 January 2026), and the last annual
/// statement that is more than six months late is 2024's.
/// </summary>
public sealed class MonitoringJobsTests : IDisposable
{
    private readonly TestSmtpServer _smtp = new();
    private readonly ContractRegieApp _app;

    public MonitoringJobsTests()
    {
        _smtp.Start();
        var settings = _smtp.MailSettings();
        // These tests are about what the jobs find: every signal is mailed at once (MailPolicyTests cover the digests).
        settings["Mail:ImmediateFrom"] = "Info";
        _app = new ContractRegieApp { Settings = settings };
    }

    private async Task<HttpClient> WriterAsync() => await _app.CreateClientAsAsync(Role.Contractmanager);

    private async Task<JsonDocument> GetAsync(string url) => await (await _app.CreateClientAsAsync(Role.Lezer)).GetJsonAsync(url);

    private async Task<long> ProviderOfAsync(string manager)
    {
        var body = ProviderBody();
        body["contractManager"] = manager;
        return await (await WriterAsync()).CreateAsync("/api/v1/providers", body);
    }

    /// <summary>
    /// 2024 of a healthy provider, in euros: revenue 2 000 000, result 60 000 (3 %), equity 600 000 (30 % of revenue),
    /// total assets 1 000 000 (solvency 60 %), current ratio 800 000 / 400 000 = 2, half the revenue from Almelo.
    /// </summary>
    internal static Dictionary<string, object?> Healthy2024(long providerId) => new()
    {
        ["providerId"] = providerId, ["year"] = 2024, ["revenueCents"] = 200_000_000L, ["resultCents"] = 6_000_000L, ["equityCents"] = 60_000_000L,
        ["totalAssetsCents"] = 100_000_000L, ["currentAssetsCents"] = 80_000_000L, ["currentLiabilitiesCents"] = 40_000_000L,
        ["municipalRevenueCents"] = 100_000_000L, ["auditorOpinion"] = "Goedkeurend", ["filedOn"] = "2025-05-20",
    };

    [Fact]
    public async Task A_provider_whose_level_rises_gets_exactly_one_mail_to_its_contractmanager_with_the_ratios_and_flags()
    {
        var manager = await _app.CreateManagerAsync();
        var providerId = await ProviderOfAsync(manager);
        var writer = await WriterAsync();
        await writer.CreateAsync("/api/v1/financial-statements", Healthy2024(providerId));
        await _app.RunJobAsync("financial-stability");
        await _app.RunJobAsync("notification-dispatch");
        Assert.Empty(_smtp.Messages());

        // 2025, filed early: a loss of 100 000 on 2 000 000 (-5 %, score 2), equity 150 000 of 1 000 000 (15 %, score 1),
        // current ratio 600 000 / 500 000 = 1,2 (score 0), resilience 150 000 / 2 000 000 = 7,5 % (score 1); a going-concern note.
        var weak = Healthy2024(providerId);
        weak["year"] = 2025;
        weak["resultCents"] = -10_000_000L;
        weak["equityCents"] = 15_000_000L;
        weak["currentAssetsCents"] = 60_000_000L;
        weak["currentLiabilitiesCents"] = 50_000_000L;
        weak["goingConcernNote"] = true;
        weak["filedOn"] = "2026-02-20";
        await writer.CreateAsync("/api/v1/financial-statements", weak);
        await _app.RunJobAsync("financial-stability");
        await _app.RunJobAsync("financial-stability");
        await _app.RunJobAsync("notification-dispatch");
        await _app.RunJobAsync("notification-dispatch");

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal($"{manager}@almelo.example", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("[ContractRegie] Hoog: Financieel risico van Zorggroep Twente", mail.Subject);
        Assert.EndsWith("gestegen naar Hoog", mail.Subject);
        foreach (var fact in new[]
                 {
                     "van Laag naar Hoog", "Jaarrekening 2025", "Solvabiliteit 15 % (score 1; goed vanaf 20 %, risico onder 10 %)", "Current ratio 1,20 (score 0; goed vanaf 1,00, risico onder 0,80)",
                     "Rentabiliteit -5 % (score 2; goed vanaf 1,5 %, risico onder 0 %)", "Weerstandsvermogen 7,5 % (score 1; goed vanaf 15 %, risico onder 5 %)", "Totaalscore 4", "Continuïteitsparagraaf",
                 })
        {
            Assert.Contains(fact, mail.TextBody);
        }
        using var signals = await GetAsync($"/api/v1/signals?subjectType=provider&subjectId={providerId}&kind=FinancialRisk");
        var signal = Assert.Single(signals.RootElement.GetProperty("items").EnumerateArray());
        Assert.Contains($"https://contractregie.almelo.example/signaleringen?id={signal.GetProperty("id").GetInt64()}", mail.TextBody);
    }

    [Fact]
    public async Task The_assessment_endpoint_shows_level_ratios_and_the_last_stored_level()
    {
        var providerId = await ProviderOfAsync("j.jansen");
        await (await WriterAsync()).CreateAsync("/api/v1/financial-statements", Healthy2024(providerId));
        await _app.RunJobAsync("financial-stability");

        using var json = await GetAsync($"/api/v1/providers/{providerId}/financial-assessment");

        var assessment = json.RootElement.GetProperty("assessment");
        // Half the revenue from Almelo is at the 50 % limit, not above it.
        Assert.Equal(("Laag", 2024, 0), (assessment.GetProperty("level").GetString(), assessment.GetProperty("year").GetInt32(), assessment.GetProperty("redFlags").GetArrayLength()));
        Assert.Equal([0.6m, 2m, 0.03m, 0.3m], assessment.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("value").GetDecimal()));
        Assert.Equal("Laag", json.RootElement.GetProperty("lastAssessed").GetProperty("level").GetString());
        var year = Assert.Single(json.RootElement.GetProperty("history").EnumerateArray());
        Assert.Equal((2024, 0.6m), (year.GetProperty("year").GetInt32(), year.GetProperty("ratios").GetProperty("solvency").GetDecimal()));
    }

    [Fact]
    public async Task Bad_statements_are_refused_with_a_problem_and_a_second_one_for_the_same_year_is_a_conflict()
    {
        var providerId = await ProviderOfAsync("j.jansen");
        var writer = await WriterAsync();
        var impossible = Healthy2024(providerId);
        impossible["municipalRevenueCents"] = 300_000_000L;
        impossible.Remove("auditorOpinion");

        Assert.Equal(["auditorOpinion", "municipalRevenueCents"],
            (await (await writer.PostJsonAsync("/api/v1/financial-statements", impossible)).AssertProblemAsync(HttpStatusCode.BadRequest)).Order());
        await writer.CreateAsync("/api/v1/financial-statements", Healthy2024(providerId));
        await (await writer.PostJsonAsync("/api/v1/financial-statements", Healthy2024(providerId))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await writer.PostJsonAsync("/api/v1/financial-statements", Healthy2024(999_999))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outcomes_below_norm_and_missing_reports_become_signals_once_and_mail_the_contractmanager()
    {
        var manager = await _app.CreateManagerAsync();
        var writer = await WriterAsync();
        var contract = ContractBody(await writer.CreateProviderAsync());
        contract["contractManager"] = manager;
        contract["startDate"] = "2025-10-01"; // its first quarter is 2025-K4
        var contractId = await writer.CreateAsync("/api/v1/contracts", contract);
        var agreementId = await writer.CreateAsync($"/api/v1/contracts/{contractId}/outcome-agreements", new
        {
            indicator = "Wachttijd tot start zorg", norm = 42, direction = "AtMost", unit = "dagen", frequency = "Kwartaal", tolerance = 3,
        });
        var csv = $"contractnummer;indicator;periode;waarde;gerapporteerd_op;bron\n{contract["contractNumber"]};Wachttijd tot start zorg;2025-K4;51;20-01-2026;kwartaalrapportage\n";
        var import = await writer.PostAsync("/api/v1/register-imports/outcome-measurements", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        await _app.RunJobAsync("outcome-monitoring");
        await _app.RunJobAsync("outcome-monitoring");
        _app.Clock.Now = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero); // 2026-K1 was due 30 April
        await _app.RunJobAsync("outcome-monitoring");
        await _app.RunJobAsync("outcome-monitoring");
        await _app.RunJobAsync("notification-dispatch");

        using var signals = await GetAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}");
        Assert.Equal(
            [("OutcomeBelowNorm", $"OutcomeBelowNorm:{agreementId}:2025-K4"), ("OutcomeReportMissing", $"OutcomeReportMissing:{agreementId}")],
            signals.RootElement.GetProperty("items").EnumerateArray()
                .Select(s => (s.GetProperty("kind").GetString()!, s.GetProperty("dedupeKey").GetString()!)).Order());
        var mails = _smtp.Messages();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal($"{manager}@almelo.example", m.To.Mailboxes.Single().Address));
        Assert.Contains(mails, m => m.TextBody!.Contains("Gemeten over 2025-K4: 51 dagen; afgesproken hoogstens 42 dagen, met een marge van 3 dagen.", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject!.Contains("Rapportage Wachttijd tot start zorg over 2026-K1 ontbreekt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrected_statement_changes_the_assessment_and_cannot_take_a_year_another_statement_has()
    {
        var providerId = await ProviderOfAsync("j.jansen");
        var writer = await WriterAsync();
        var id2024 = await writer.CreateAsync("/api/v1/financial-statements", Healthy2024(providerId));
        var statement2023 = Healthy2024(providerId);
        statement2023["year"] = 2023;
        var id2023 = await writer.CreateAsync("/api/v1/financial-statements", statement2023);
        var corrected = Healthy2024(providerId);
        corrected["goingConcernNote"] = true;

        var response = await writer.PutMatchingAsync($"/api/v1/financial-statements/{id2024}", corrected);
        await (await writer.PutMatchingAsync($"/api/v1/financial-statements/{id2023}", Healthy2024(providerId))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await writer.PutMatchingAsync("/api/v1/financial-statements/999999", corrected, ifMatch: "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await GetAsync($"/api/v1/providers/{providerId}/financial-assessment");
        Assert.Equal("Hoog", json.RootElement.GetProperty("assessment").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_corrected_measurement_replaces_the_value()
    {
        var writer = await WriterAsync();
        var contractId = await writer.CreateAsync("/api/v1/contracts", ContractBody(await writer.CreateProviderAsync()));
        await writer.CreateAsync($"/api/v1/contracts/{contractId}/outcome-agreements", new
        {
            indicator = "Doelrealisatie", norm = 75, direction = "AtLeast", unit = "%", frequency = "Halfjaar",
        });
        var id = await writer.CreateAsync("/api/v1/outcome-measurements",
            new { contractId, indicator = "Doelrealisatie", period = "2025-H2", value = 60, reportedOn = "2026-01-15" });

        var response = await writer.PutMatchingAsync($"/api/v1/outcome-measurements/{id}",
            new { contractId, indicator = "Doelrealisatie", period = "2025-h2", value = 78.5, reportedOn = "2026-01-20", source = "correctie" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stored = await GetAsync($"/api/v1/outcome-measurements/{id}");
        Assert.Equal((78.5m, "2025-H2", "correctie"),
            (stored.RootElement.GetProperty("value").GetDecimal(), stored.RootElement.GetProperty("period").GetString(), stored.RootElement.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_measurement_for_an_indicator_without_an_agreement_is_refused()
    {
        var writer = await WriterAsync();
        var contractId = await writer.CreateAsync("/api/v1/contracts", ContractBody(await writer.CreateProviderAsync()));

        var fields = await (await writer.PostJsonAsync("/api/v1/outcome-measurements", new
        {
            contractId, indicator = "Doelrealisatie", period = "2026-H1", value = 70, reportedOn = "2026-07-15",
        })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["indicator"], fields);
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }
}
