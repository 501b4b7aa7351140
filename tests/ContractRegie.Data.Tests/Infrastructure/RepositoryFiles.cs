namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>Files of the repository itself (documentation, samples), found from the test binaries upwards.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContractRegie.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ContractRegie.sln not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);
}
