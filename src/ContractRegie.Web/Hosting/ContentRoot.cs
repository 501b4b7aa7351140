namespace ContractRegie.Web.Hosting;

/// <summary>
/// Where the host looks for appsettings*.json, wwwroot and the embedded database. The framework's default is the
/// current folder, so `dotnet /opt/contractregie/ContractRegie.Web.dll` started from anywhere else would silently run
/// without its settings (no demo data, no pseudonym key, a database file in that folder).
/// </summary>
public static class ContentRoot
{
    /// <summary>
    /// Null when the content root is set explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or
    /// <c>DOTNET_CONTENTROOT</c>), so the host takes that; the current folder when it is the application's folder
    /// (it holds the settings file, as under <c>dotnet run</c> or in the published folder); else the folder the
    /// application's assembly is in.
    /// </summary>
    public static string? For(string[] args)
    {
        var explicitly = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(explicitly))
        {
            return null;
        }
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, SettingsFile)) ? current : AppContext.BaseDirectory;
    }

    private const string SettingsFile = "appsettings.json";
}
