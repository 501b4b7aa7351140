using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// The contract jobs read the register a chunk at a time (here 2 contracts, so 5 contracts take three chunks) and keep
/// how far they are on the run: processed of total.
/// </summary>
public sealed class JobProgressTests : IDisposable
{
    private const int Contracts = 5;
    private readonly ContractRegieApp _app = new() { Settings = new Dictionary<string, string> { ["Jobs:ContractsPerChunk"] = "2" } };

    [Fact]
    public async Task A_chunked_run_checks_every_contract_once_and_its_run_shows_all_processed_of_the_total()
    {
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        var providerId = await writer.CreateProviderAsync();
        var ids = new List<long>();
        for (var i = 0; i < Contracts; i++)
        {
            ids.Add(await writer.CreateAsync("/api/v1/contracts", ContractBody(providerId)));
        }

        var expiry = await _app.RunJobAsync("contract-expiry");
        var outcomes = await _app.RunJobAsync("outcome-monitoring");
        var digest = await _app.RunJobAsync("digest");

        Assert.Equal((Contracts, Contracts), (expiry.GetProperty("processed").GetInt32(), expiry.GetProperty("total").GetInt32()));
        Assert.StartsWith($"{Contracts} contracten gecontroleerd", expiry.GetProperty("summary").GetString());
        Assert.Equal((Contracts, Contracts), (outcomes.GetProperty("processed").GetInt32(), outcomes.GetProperty("total").GetInt32()));
        // Each contract's decision is due 30 June 2026, inside the 6-month horizon on 1 March: one signal each, none missed at a chunk's edge.
        var reader = await _app.CreateClientAsAsync(Role.Lezer);
        foreach (var id in ids)
        {
            Assert.Equal(1, await reader.CountAsync($"/api/v1/signals?subjectType=contract&subjectId={id}&kind=DecisionDue"));
        }
        // A job that does not count leaves its progress empty.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, digest.GetProperty("processed").ValueKind);
    }

    public void Dispose() => _app.Dispose();
}
