using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>The audit trail page sorts by its columns and keeps the filter while doing so.</summary>
public sealed class AudittrailPageTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    [Fact]
    public async Task The_audit_trail_is_newest_first_and_sorts_by_action_both_ways_within_the_filter()
    {
        var body = ProviderBody();
        var id = await Client.CreateAsync("/api/v1/providers", body);
        body["name"] = "Zorg Herschreven";
        (await Client.PutMatchingAsync($"/api/v1/providers/{id}", body)).EnsureSuccessStatusCode();
        (await Client.DeleteMatchingAsync($"/api/v1/providers/{id}")).EnsureSuccessStatusCode();
        var lezer = await App.CreateClientAsAsync(Role.Lezer);

        async Task<string[]> ActionsAsync(string query)
        {
            var html = await lezer.GetStringAsync($"/audittrail?entity=provider&{query}");
            // The action column's Dutch labels of this provider's three rows, in page order.
            return System.Text.RegularExpressions.Regex.Matches(html, $"<td>(Aangemaakt|Gewijzigd|Verwijderd)</td><td>provider {id}</td>")
                .Select(m => m.Groups[1].Value).ToArray();
        }

        Assert.Equal(["Verwijderd", "Gewijzigd", "Aangemaakt"], await ActionsAsync(""));
        // By the stored action (Create, Delete, Update), ascending and then reversed.
        Assert.Equal(["Aangemaakt", "Verwijderd", "Gewijzigd"], await ActionsAsync("sort=actie"));
        Assert.Equal(["Gewijzigd", "Verwijderd", "Aangemaakt"], await ActionsAsync("sort=actie&desc=true"));
    }
}
