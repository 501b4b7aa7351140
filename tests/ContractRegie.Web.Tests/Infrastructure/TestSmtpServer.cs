using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd, run with the system interpreter (the python3 first on PATH may be a
/// separate build without Debian's modules), delivering into a Maildir the test reads. It can be stopped and
/// started again on the same port to play an outage.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private const string SystemPython = "/usr/bin/python3";
    private readonly string _directory = Directory.CreateTempSubdirectory("contractregie-smtp-").FullName;
    private Process? _process;

    /// <summary>Python's Maildir creates its folders only when the path does not exist yet.</summary>
    private string Maildir => Path.Combine(_directory, "maildir");

    public int Port { get; } = FreePort();

    /// <summary>The application's mail settings for this server (plain SMTP, links to a fixed base address).</summary>
    public Dictionary<string, string> MailSettings() => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:BaseUrl"] = "https://contractregie.almelo.example",
    };

    public void Start()
    {
        if (!File.Exists(SystemPython))
        {
            throw new InvalidOperationException($"{SystemPython} not found: run the tests with scripts/test.sh, which installs python3-aiosmtpd.");
        }
        var start = new ProcessStartInfo(SystemPython, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Accepts())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"aiosmtpd did not start: {_process.StandardError.ReadToEnd()}");
            }
            Thread.Sleep(100);
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered)
            ? Directory.GetFiles(delivered).OrderBy(DeliveryTime).Select(file => MimeMessage.Load(file)).ToList()
            : [];
    }

    /// <summary>
    /// Python names a Maildir file "seconds.M{microseconds}P{pid}Q{count}.host" with the microseconds unpadded, so the
    /// names do not sort in arrival order; the numbers do (the count breaks ties within a microsecond).
    /// </summary>
    private static (long Seconds, long Microseconds, long Count) DeliveryTime(string file)
    {
        var name = Regex.Match(Path.GetFileName(file), @"^(\d+)\.M(\d+)P\d+Q(\d+)");
        long Number(int group) => long.Parse(name.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Number(1), Number(2), Number(3));
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_directory, recursive: true);
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
