using System.Net;
using System.Text.Json;
using ContractRegie.Core.Common;
using ContractRegie.Core.Security;
using ContractRegie.Data.Jobs;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>Job runs started through the API: one run of a job at a time, each caller its own run, dead runs recognised.</summary>
public sealed class JobRunTests : IAsyncLifetime
{
    private readonly HeldJob _held = new();
    private readonly ContractRegieApp _app;

    public JobRunTests() => _app = new ContractRegieApp { ExtraServices = services => services.AddSingleton<IContractRegieJob>(_held) };

    [Fact]
    public async Task A_run_while_the_same_job_runs_is_refused_with_409_naming_it_and_each_caller_gets_its_own_run()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);

        var first = admin.PostAsync("/api/v1/jobs/vastgehouden/runs", null);
        await _held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var busy = await _app.Services.GetRequiredService<JobRunRepository>().ReadLatestAsync(HeldJob.JobName);
        var second = await admin.PostAsync("/api/v1/jobs/vastgehouden/runs", null);
        _held.Release.SetResult();
        var firstRun = await RunOf(await first);
        var third = await RunOf(await admin.PostAsync("/api/v1/jobs/vastgehouden/runs", null));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"run {busy!.Id}", await second.Content.ReadAsStringAsync());
        Assert.Equal(busy.Id, firstRun.GetProperty("id").GetInt64());
        Assert.Equal("Succeeded", firstRun.GetProperty("outcome").GetString());
        Assert.NotEqual(firstRun.GetProperty("id").GetInt64(), third.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Parallel_runs_of_a_real_job_each_end_in_their_own_run_or_a_409_and_never_fail()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null)));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var runs = new List<JsonElement>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
        {
            runs.Add(await RunOf(answer));
        }
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.Equal("Succeeded", run.GetProperty("outcome").GetString()));
        Assert.Equal(runs.Count, runs.Select(run => run.GetProperty("id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task A_run_whose_process_died_is_marked_abandoned_and_the_next_run_takes_over()
    {
        var runs = _app.Services.GetRequiredService<JobRunRepository>();
        // A process started this run and died: nobody finishes it or renews its heartbeat.
        var dead = (await runs.StartAsync("contract-expiry", _app.Clock.Today())).Run!;
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);
        var whileAlive = await admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null);

        _app.Clock.Now += JobRunRepository.StaleAfter + TimeSpan.FromSeconds(1);
        admin = await _app.CreateClientAsAsync(Role.Beheerder);
        var next = await RunOf(await admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null));

        Assert.Equal(HttpStatusCode.Conflict, whileAlive.StatusCode);
        Assert.Equal("Succeeded", next.GetProperty("outcome").GetString());
        var abandoned = await runs.ReadAsync(dead.Id);
        Assert.Equal(JobOutcome.Abandoned, abandoned!.Outcome);
        Assert.NotNull(abandoned.FinishedAt);
    }

    private static async Task<JsonElement> RunOf(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _held.Release.TrySetResult();
        await _app.DisposeAsync();
    }

    /// <summary>A job that holds its run until the test lets it go.</summary>
    private sealed class HeldJob : IContractRegieJob
    {
        public const string JobName = "vastgehouden";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => JobName;

        public async Task<string> RunAsync(CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return "losgelaten";
        }
    }
}
