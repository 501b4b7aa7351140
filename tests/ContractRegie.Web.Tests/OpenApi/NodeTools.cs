using System.Diagnostics;

namespace ContractRegie.Web.Tests.OpenApi;

/// <summary>The npm tools in OpenApi/lint (installed by scripts/test.sh with npm ci), run as processes.</summary>
public static class NodeTools
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Runs node_modules/.bin/<paramref name="tool"/> in <paramref name="workingDirectory"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Folder, "node_modules", ".bin", tool))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "ContractRegie.Web.Tests", "OpenApi", "lint");
            if (File.Exists(Path.Combine(candidate, "node_modules", ".bin", "spectral")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("The OpenAPI tools are not installed: run the tests with scripts/test.sh (npm ci in tests/ContractRegie.Web.Tests/OpenApi/lint).");
    }
}
