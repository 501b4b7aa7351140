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
        var folder = Directory.CreateTempSubdirectory("contractregie-start-").FullName;
        var port = FreePort();
        var output = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
        };
        foreach (var argument in new[]
                 {
                     typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}",
                     $"--Database:ConnectionString=Data Source={Path.Combine(folder, "contractregie.db")}", "--Jobs:Enabled=false",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(await ReadyAsync(port, process), "the host did not become ready:\n" + output);

            // Only appsettings.Development.json beside the assembly switches demo seeding on.
            string text;
            lock (output) { text = output.ToString(); }
            Assert.Contains("Demo register loaded: 250 providers, 300 contracts", text);
            Assert.Contains("Content root path: " + AppContext.BaseDirectory, text);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
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
