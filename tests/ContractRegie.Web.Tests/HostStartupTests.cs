using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContractRegie.Web.Tests;

/// <summary>The real host as an operator starts it: `dotnet ContractRegie.Web.dll`, from a folder of their own.</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task Started_from_another_folder_the_host_reads_the_settings_next_to_it()
    {
        await using var host = StartedHost.Start();
        Assert.True(await ReadyAsync(host.Port, host.Process), "the host did not become ready:\n" + host.Output);

        // Only appsettings.Development.json beside the assembly switches demo seeding on.
        Assert.Contains("Demo register loaded: 250 providers, 300 contracts", host.Output);
        Assert.Contains("Content root path: " + AppContext.BaseDirectory, host.Output);
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_start_naming_the_setting()
    {
        await using var host = StartedHost.Start("--Jobs:Schedules:contrct-expiry=0 0 6 * * ?", "--Mail:BaseUrl=contractregie.almelo.nl",
            "--Mail:DispatchBatchSize=0", "--Jobs:HeartbeatEvery=00:05:00");

        Assert.True(host.Process.WaitForExit(TimeSpan.FromSeconds(60)), "the host kept running with wrong settings:\n" + host.Output);
        // The timed wait can return before the redirected output is read to its end; the untimed one waits for it.
        host.Process.WaitForExit();
        Assert.NotEqual(0, host.Process.ExitCode);
        Assert.Contains("Jobs:Schedules:contrct-expiry: no job has this name", host.Output);
        Assert.Contains("Mail:BaseUrl: 'contractregie.almelo.nl' is not an absolute http(s) address", host.Output);
        Assert.Contains("Mail:DispatchBatchSize: 0 must be at least 1", host.Output);
        // Five minutes of silence is more than the two after which a run counts as dead.
        Assert.Contains("Jobs:HeartbeatEvery: 00:05:00 must be more than 0 and at most half of", host.Output);
    }

    /// <summary>The host as a process, started from a fresh folder with Development settings and extra arguments.</summary>
    private sealed class StartedHost : IAsyncDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly string _folder = Directory.CreateTempSubdirectory("contractregie-start-").FullName;

        public int Port { get; } = FreePort();
        public Process Process { get; private set; } = null!;
        public string Output { get { lock (_output) { return _output.ToString(); } } }

        public static StartedHost Start(params string[] extra)
        {
            var host = new StartedHost();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = host._folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            };
            foreach (var argument in new[]
                     {
                         typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{host.Port}",
                         $"--Database:ConnectionString=Data Source={Path.Combine(host._folder, "contractregie.db")}", "--Jobs:Enabled=false",
                     }.Concat(extra))
            {
                start.ArgumentList.Add(argument);
            }
            host.Process = Process.Start(start)!;
            host.Process.OutputDataReceived += (_, line) => host.Append(line.Data);
            host.Process.ErrorDataReceived += (_, line) => host.Append(line.Data);
            host.Process.BeginOutputReadLine();
            host.Process.BeginErrorReadLine();
            return host;
        }

        private void Append(string? line)
        {
            lock (_output) { _output.AppendLine(line); }
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
            await Process.WaitForExitAsync();
            Process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<bool> ReadyAsync(int port, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
