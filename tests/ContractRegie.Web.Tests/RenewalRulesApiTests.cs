using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests;

/// <summary>
/// Issue 12's renewal rules through the real pipeline. The clock stands at 1 March 2026 and is not moved, so every
/// date below is computed by hand against that day.
/// </summary>
public sealed class RenewalRulesApiTests(ContractRegieApp app) : SignedInTest(app, Role.Inkoper)
{
    private const string Contracts = "/api/v1/contracts";

    private async Task<(long Id, string Manager)> ContractAsync(string end, int noticeMonths, int leadTimeMonths)
    {
        var writer = await App.CreateClientAsAsync(Role.Contractmanager);
        var manager = "cm" + NextDigits(5);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["initialEndDate"] = end;
        body["noticePeriodMonths"] = noticeMonths;
        body["procurementLeadTimeMonths"] = leadTimeMonths;
        body["contractManager"] = manager;
        body["contractOwner"] = "eig" + NextDigits(5);
        return (await writer.CreateAsync(Contracts, body), manager);
    }

    private Task<HttpResponseMessage> DecideAsync(long id, object decision) => Client.PostJsonAsync($"{Contracts}/{id}/renewal-decisions", decision);

    private static async Task<string> ConflictDetailAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private async Task<JsonElement[]> SignalsAsync(long contractId, string kind)
    {
        using var page = await Client.GetJsonAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}&kind={kind}");
        return page.RootElement.GetProperty("items").EnumerateArray().Select(s => s.Clone()).ToArray();
    }

    [Theory]
    [InlineData("decidedBy", "p.inkoper")]
    [InlineData("decidedOn", "2020-01-01")]
    public async Task Who_decided_and_when_are_not_input(string field, string value)
    {
        var (id, _) = await ContractAsync("2026-12-31", noticeMonths: 6, leadTimeMonths: 6);

        var response = await DecideAsync(id, new Dictionary<string, object> { ["decision"] = "Verlengen", ["reason"] = "Goed", [field] = value });

        Assert.Equal([field], await response.AssertProblemAsync(HttpStatusCode.BadRequest));
        using var decisions = await Client.GetJsonAsync($"{Contracts}/{id}/renewal-decisions");
        Assert.Equal(0, decisions.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_long_procurement_lead_time_sets_the_decision_deadline_and_the_contract_says_so()
    {
        // End 31 Dec 2026, notice 3, lead time 9: 31 Mar 2026, not 30 Sep 2026.
        var (id, _) = await ContractAsync("2026-12-31", noticeMonths: 3, leadTimeMonths: 9);

        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        var keyDates = contract.RootElement.GetProperty("keyDates");
        Assert.Equal("2026-03-31", keyDates.GetProperty("decisionDeadline").GetString());
        Assert.Equal("ProcurementLeadTime", keyDates.GetProperty("decisionDeadlineSetBy").GetString());
    }

    [Fact]
    public async Task Without_a_lead_time_the_routes_default_applies_and_a_contract_can_set_its_own()
    {
        var writer = await App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["procurementRoute"] = "OpenbareProcedure";
        body.Remove("procurementLeadTimeMonths");
        var byRoute = await writer.CreateAsync(Contracts, body);
        body["contractNumber"] = "ALM-" + NextDigits(6);
        body["procurementLeadTimeMonths"] = 4;
        var own = await writer.CreateAsync(Contracts, body);

        // An open procedure takes 12 months by default: 31 Dec 2026 − 12 months comes before the 6 months' notice.
        using var route = await Client.GetJsonAsync($"{Contracts}/{byRoute}");
        Assert.Equal(12, route.RootElement.GetProperty("procurementLeadTimeMonths").GetInt32());
        Assert.Equal("2025-12-31", route.RootElement.GetProperty("keyDates").GetProperty("decisionDeadline").GetString());
        // 1 Jan 2024 to 31 Dec 2028 including options: more than the four years an open-procedure framework may run.
        Assert.Contains("hoogstens 4 jaar (tot 31-12-2027)", Assert.Single(route.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
        using var contract = await Client.GetJsonAsync($"{Contracts}/{own}");
        Assert.Equal(4, contract.RootElement.GetProperty("procurementLeadTimeMonths").GetInt32());
        Assert.Equal("NoticePeriod", contract.RootElement.GetProperty("keyDates").GetProperty("decisionDeadlineSetBy").GetString());
    }

    [Fact]
    public async Task An_imported_contract_without_a_lead_time_gets_its_routes_default()
    {
        var writer = await App.CreateClientAsAsync(Role.Contractmanager);
        var agb = "4" + NextDigits(7);
        await writer.CreateAsync("/api/v1/providers", ProviderBody(agb));
        var number = "IMP-" + NextDigits(6);
        var csv = "contractnummer;omschrijving;agb_code;soort;wet;aanbestedingsroute;gemeenten;startdatum;einddatum;opzegtermijn_maanden\n"
                  + $"{number};Dagbesteding;{agb};Maatwerk;Wmo;EnkelvoudigOnderhands;0141;01-01-2025;31-12-2026;1\n";

        var import = await writer.PostAsync("/api/v1/register-imports/contracts", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        using var found = await Client.GetJsonAsync($"{Contracts}?q={number}");
        Assert.Equal(3, found.RootElement.GetProperty("items")[0].GetProperty("procurementLeadTimeMonths").GetInt32());
    }

    [Fact]
    public async Task Extending_after_the_decision_deadline_needs_a_justification_and_is_then_recorded_late_and_signalled_to_the_owner()
    {
        // End 31 Dec 2026, lead time 12 months: decide by 31 Dec 2025, two months ago.
        var (id, _) = await ContractAsync("2026-12-31", noticeMonths: 6, leadTimeMonths: 12);

        var refused = await ConflictDetailAsync(await DecideAsync(id, new { decision = "Verlengen", reason = "Prestaties op norm" }));
        Assert.Contains("31-12-2025", refused);
        using (var none = await Client.GetJsonAsync($"{Contracts}/{id}/renewal-decisions"))
        {
            Assert.Equal(0, none.RootElement.GetArrayLength());
        }

        var accepted = await DecideAsync(id, new
        {
            decision = "Verlengen", decidingBody = "Wethouder", reason = "Prestaties op norm", lateJustification = "Raadsbesluit liep vertraging op",
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var result = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        var decision = result.RootElement.GetProperty("decision");
        Assert.True(decision.GetProperty("late").GetBoolean());
        Assert.Equal("Wethouder", decision.GetProperty("decidingBody").GetString());
        Assert.Equal(ContractRegieApp.UserNameFor(Role.Inkoper), decision.GetProperty("decidedBy").GetString());
        Assert.Equal("2027-12-31", result.RootElement.GetProperty("contract").GetProperty("keyDates").GetProperty("currentEnd").GetString());

        using var history = await Client.GetJsonAsync($"{Contracts}/{id}/renewal-decisions");
        Assert.Equal("Raadsbesluit liep vertraging op", Assert.Single(history.RootElement.EnumerateArray()).GetProperty("lateJustification").GetString());
        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        var owner = contract.RootElement.GetProperty("contractOwner").GetString();
        var late = Assert.Single(await SignalsAsync(id, "LateRenewalDecision"));
        Assert.Equal((owner, "Open"), (late.GetProperty("recipient").GetString(), late.GetProperty("status").GetString()));
        Assert.Contains("Raadsbesluit liep vertraging op", late.GetProperty("facts").GetString());
    }

    [Fact]
    public async Task A_contract_past_its_end_reads_Verlopen_before_any_job_and_cannot_be_extended()
    {
        // Ended 15 Feb 2026 with an option left; nobody decided.
        var (id, manager) = await ContractAsync("2026-02-15", noticeMonths: 3, leadTimeMonths: 6);

        using (var contract = await Client.GetJsonAsync($"{Contracts}/{id}"))
        {
            Assert.Equal("Verlopen", contract.RootElement.GetProperty("status").GetString());
        }
        Assert.Equal(1, await Client.CountAsync($"{Contracts}?contractManager={manager}&status=Verlopen"));
        Assert.Equal(0, await Client.CountAsync($"{Contracts}?contractManager={manager}&status=Actief"));

        var refused = await ConflictDetailAsync(await DecideAsync(id, new { decision = "Verlengen", reason = "Zorg loopt door", lateJustification = "Vergeten" }));
        Assert.Contains("15-02-2026", refused);
        Assert.Contains("nieuwe aanbesteding", refused);
        using var decisions = await Client.GetJsonAsync($"{Contracts}/{id}/renewal-decisions");
        Assert.Equal(0, decisions.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Procuring_again_after_expiry_ends_the_contract_and_resolves_the_expired_signal_in_the_same_write()
    {
        var (id, _) = await ContractAsync("2026-02-15", noticeMonths: 3, leadTimeMonths: 6);
        await App.RunJobAsync("contract-expiry");
        var expired = Assert.Single(await SignalsAsync(id, "ContractExpiredWithoutDecision"));
        Assert.Equal(("Open", "Critical"), (expired.GetProperty("status").GetString(), expired.GetProperty("severity").GetString()));

        Assert.Equal(HttpStatusCode.Created,
            (await DecideAsync(id, new { decision = "OpnieuwAanbesteden", decidingBody = "College", reason = "Nieuwe inkoop gestart" })).StatusCode);

        using var contract = await Client.GetJsonAsync($"{Contracts}/{id}");
        Assert.Equal("Beeindigd", contract.RootElement.GetProperty("status").GetString());
        var resolved = Assert.Single(await SignalsAsync(id, "ContractExpiredWithoutDecision"));
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal($"Afgehandeld door het besluit 'OpnieuwAanbesteden' van 01-03-2026 (vastgelegd door {ContractRegieApp.UserNameFor(Role.Inkoper)}).",
            resolved.GetProperty("resolutionNote").GetString());
        var auditor = await App.CreateClientAsAsync(Role.Beheerder);
        using var audit = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity=signal&entityId={resolved.GetProperty("id").GetInt64()}");
        Assert.Contains(audit.RootElement.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == ContractRegieApp.UserNameFor(Role.Inkoper)
            && e.GetProperty("afterData").GetRawText().Contains("Resolved", StringComparison.Ordinal));

        // The next morning's run raises nothing again for an ended contract.
        await App.RunJobAsync("contract-expiry");
        Assert.Equal("Resolved", Assert.Single(await SignalsAsync(id, "ContractExpiredWithoutDecision")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Extending_in_time_resolves_the_decision_signal_and_the_next_run_does_not_reopen_it()
    {
        // End 31 Dec 2026, notice and lead time 6: decide by 30 Jun 2026, inside the 6-month horizon today.
        var (id, _) = await ContractAsync("2026-12-31", noticeMonths: 6, leadTimeMonths: 6);
        await App.RunJobAsync("contract-expiry");
        Assert.Equal("Open", Assert.Single(await SignalsAsync(id, "DecisionDue")).GetProperty("status").GetString());

        var extended = await DecideAsync(id, new { decision = "Verlengen", reason = "Prestaties op norm" });
        Assert.Equal(HttpStatusCode.Created, extended.StatusCode);
        await App.RunJobAsync("contract-expiry");

        // The next deadline, 30 Jun 2027, is more than 12 months away: nothing new, and the answered signal stays resolved.
        var signal = Assert.Single(await SignalsAsync(id, "DecisionDue"));
        Assert.Equal("Resolved", signal.GetProperty("status").GetString());
        Assert.Empty(await SignalsAsync(id, "LateRenewalDecision"));
    }
}
