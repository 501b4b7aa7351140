using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Security;

public sealed class AuditTrailTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    private static async Task<JsonElement[]> EntriesAsync(HttpClient auditor, string entity, long id)
    {
        using var page = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity={entity}&entityId={id}");
        return page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).Reverse().ToArray();
    }

    [Fact]
    public async Task Every_write_on_a_contract_is_recorded_with_who_when_and_before_after()
    {
        var manager = await app.CreateClientAsAsync(Role.Contractmanager);
        var buyer = await app.CreateClientAsAsync(Role.Inkoper);
        var auditor = await app.CreateClientAsAsync(Role.Lezer);
        var providerId = await manager.CreateProviderAsync();
        var body = ContractBody(providerId);
        var id = await manager.CreateAsync("/api/v1/contracts", body);
        body["title"] = "Gewijzigde omschrijving";
        (await manager.PutMatchingAsync($"/api/v1/contracts/{id}", body)).EnsureSuccessStatusCode();
        (await buyer.PostJsonAsync($"/api/v1/contracts/{id}/renewal-decisions",
            new { decision = "Verlengen", reason = "Goed" })).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(auditor, "contract", id);

        Assert.Equal(["Create", "Update", "Decide"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.UserNameFor(Role.Contractmanager),
            ContractRegieApp.UserNameFor(Role.Inkoper)], entries.Select(e => e.GetProperty("actor").GetString()));
        Assert.All(entries, e => Assert.Equal(ContractRegieApp.DefaultNow, e.GetProperty("occurredAt").GetDateTimeOffset()));
        var update = entries[1];
        Assert.Equal("Ambulante jeugdhulp", JsonDocument.Parse(update.GetProperty("beforeData").GetRawText()).RootElement.GetProperty("title").GetString());
        Assert.Equal("Gewijzigde omschrijving", JsonDocument.Parse(update.GetProperty("afterData").GetRawText()).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Deleting_a_term_keeps_what_was_deleted()
    {
        var manager = await app.CreateClientAsAsync(Role.Contractmanager);
        var auditor = await app.CreateClientAsAsync(Role.Beheerder);
        var contractId = await manager.CreateAsync("/api/v1/contracts", ContractBody(await manager.CreateProviderAsync()));
        var budgetId = await manager.CreateAsync($"/api/v1/contracts/{contractId}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 12_345 });
        (await manager.DeleteMatchingAsync($"/api/v1/contracts/{contractId}/budgets/{budgetId}")).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(auditor, "budget_ceiling", budgetId);

        Assert.Equal(["Create", "Delete"], entries.Select(e => e.GetProperty("action").GetString()));
        var deleted = JsonDocument.Parse(entries[1].GetProperty("beforeData").GetRawText()).RootElement;
        Assert.Equal(12_345, deleted.GetProperty("amountCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("afterData").ValueKind);
    }

    [Fact]
    public async Task User_changes_are_audited_without_personal_data_or_password_hashes()
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        var id = await admin.CreateAsync("/api/v1/users", new
        {
            userName = "privacy-" + NextDigits(4), displayName = "P. Rivacy", email = "p.rivacy@almelo.nl", roles = new[] { "Lezer" },
            password = ContractRegieApp.Password,
        });
        (await admin.PutJsonAsync($"/api/v1/users/{id}/password", new { password = "nog-een-lang-wachtwoord" })).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(admin, "user", id);

        Assert.Equal(["Create", "PasswordChange"], entries.Select(e => e.GetProperty("action").GetString()));
        var raw = string.Join("\n", entries.Select(e => e.GetRawText()));
        Assert.DoesNotContain("p.rivacy@almelo.nl", raw);
        Assert.DoesNotContain("AQAAAA", raw); // the prefix of an ASP.NET Core password hash
        Assert.Contains("P. Rivacy", raw);
    }

    [Fact]
    public async Task A_rejected_write_leaves_no_audit_entry()
    {
        var manager = await app.CreateClientAsAsync(Role.Contractmanager);
        var auditor = await app.CreateClientAsAsync(Role.Lezer);
        using var before = await auditor.GetJsonAsync("/api/v1/audit-entries?entity=provider");
        var body = ProviderBody();
        body["agbCode"] = "123";

        await (await manager.PostJsonAsync("/api/v1/providers", body)).AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal(before.RootElement.GetProperty("totalCount").GetInt32(), await auditor.CountAsync("/api/v1/audit-entries?entity=provider"));
    }

    [Fact]
    public async Task Sign_ins_are_audited()
    {
        var auditor = await app.CreateClientAsAsync(Role.Lezer);
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        using var users = await admin.GetJsonAsync("/api/v1/users");
        var id = users.RootElement.EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == ContractRegieApp.UserNameFor(Role.Lezer)).GetProperty("id").GetInt64();

        using var page = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity=user&entityId={id}");

        Assert.Contains(page.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "SignIn");
    }
}
