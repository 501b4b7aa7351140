namespace ContractRegie.Data.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding ContractRegie.sln, found by walking up from the test binaries.</summary>
    public static DirectoryInfo Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContractRegie.sln")))
            {
                return directory;
            }
        }
        throw new InvalidOperationException("ContractRegie.sln not found above " + AppContext.BaseDirectory);
    }
}
