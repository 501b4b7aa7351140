using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// The contract jobs read the register a chunk at a time (here 2 contracts, so 5 contracts take three chunks; outcome-monitoring
/// reads each chunk's agreements and measurements with it) and
/// financial-stability the providers likewise, and keep how far they are on the run: processed of total. spending-reconciliation
/// counts the providers it has reconciled.
/// </summary>
public sealed class JobProgressTests : IDisposable
{
    private const int Contracts = 5;
    private readonly ContractRegieApp _app = new() { Settings = new Dictionary<string, string> { ["Jobs:ContractsPerChunk"] = "2" } };

    [Fact]
    public async Task A_chunked_run_checks_every_contract_once_and_its_run_shows_all_processed_of_the_total()
    {
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        var (ids, providerIds) = (new List<long>(), new List<long>());
        for (var i = 0; i < Contracts; i++)
        {
            providerIds.Add(await writer.CreateProviderAsync());
            ids.Add(await writer.CreateAsync("/api/v1/contracts", ContractBody(providerIds[^1])));
            await writer.CreateAsync($"/api/v1/contracts/{ids[^1]}/outcome-agreements",
                new { indicator = "Cliënttevredenheid", norm = 7.5m, direction = "AtLeast", unit = "cijfer", frequency = "Jaar", tolerance = 0m });
        }

        var expiry = await _app.RunJobAsync("contract-expiry");
        var outcomes = await _app.RunJobAsync("outcome-monitoring");
        var stability = await _app.RunJobAsync("financial-stability");
        var reconciliation = await _app.RunJobAsync("spending-reconciliation");
        var digest = await _app.RunJobAsync("digest");

        Assert.Equal((Contracts, Contracts), (expiry.GetProperty("processed").GetInt32(), expiry.GetProperty("total").GetInt32()));
        Assert.StartsWith($"{Contracts} contracten gecontroleerd", expiry.GetProperty("summary").GetString());
        Assert.Equal((Contracts, Contracts), (outcomes.GetProperty("processed").GetInt32(), outcomes.GetProperty("total").GetInt32()));
        Assert.StartsWith($"{Contracts} contracten, {Contracts} prestatieafspraken gecontroleerd", outcomes.GetProperty("summary").GetString());
        // Each contract's decision is due 30 June 2026, inside the 6-month horizon on 1 March: one signal each, none missed at a chunk's edge.
        var reader = await _app.CreateClientAsAsync(Role.Lezer);
        foreach (var id in ids)
        {
            Assert.Equal(1, await reader.CountAsync($"/api/v1/signals?subjectType=contract&subjectId={id}&kind=DecisionDue"));
            // Each chunk reads its own contracts' agreements: 2025's report, due 1 February 2026, is missing for every one.
            Assert.Equal(1, await reader.CountAsync($"/api/v1/signals?subjectType=contract&subjectId={id}&kind=OutcomeReportMissing"));
        }
        // One provider per contract, none with a statement: on 1 March 2026 each one's 2024 statement (due 1 July 2025) is missing.
        Assert.Equal((Contracts, Contracts), (stability.GetProperty("processed").GetInt32(), stability.GetProperty("total").GetInt32()));
        foreach (var id in providerIds)
        {
            Assert.Equal(1, await reader.CountAsync($"/api/v1/signals?subjectType=provider&subjectId={id}&kind=FinancialStatementMissing"));
        }
        // The reconciliation counts the providers whose year it has reconciled.
        Assert.Equal((Contracts, Contracts), (reconciliation.GetProperty("processed").GetInt32(), reconciliation.GetProperty("total").GetInt32()));
        // A job that does not count leaves its progress empty.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, digest.GetProperty("processed").ValueKind);
    }

    public void Dispose() => _app.Dispose();
}
