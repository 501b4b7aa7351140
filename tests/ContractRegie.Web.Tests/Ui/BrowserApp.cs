using System.Net;
using System.Net.Sockets;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright (headless). The browser comes from
/// the machine (scripts/test.sh installs the chromium package); no browser is downloaded.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserApp() : this(new ContractRegieApp())
    {
    }

    protected BrowserApp(ContractRegieApp app) => App = app;

    public ContractRegieApp App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        var chromium = Environment.GetEnvironmentVariable("CONTRACTREGIE_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: run the tests with scripts/test.sh, which installs it.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync() => await (await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "nl-NL" })).NewPageAsync();

    public async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
