using ContractRegie.Cli;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Cli;

/// <summary>The <c>contractregie</c> entry point run in-process against a SQLite file.</summary>
public sealed class CliImportTests(SqliteTestDatabase testDatabase) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Import_reports_in_dutch_and_exits_0_when_the_file_is_stored()
    {
        var (exitCode, output, _) = await RunAsync("import", "providers", Path.Combine(RepositoryRoot.Find().FullName, "docs", "samples", "providers.csv"));

        Assert.Equal(ContractRegieCli.Succeeded, exitCode);
        Assert.Equal("Import van zorgaanbieders geslaagd: 4 regels gelezen, 4 nieuw, 0 bijgewerkt, 0 ongewijzigd.\n", output);
        Assert.NotNull(await new ProviderRepository(testDatabase.Database).ReadByAgbCodeAsync("98100002"));
    }

    [Fact]
    public async Task A_rejected_import_lists_each_error_and_exits_1_with_nothing_stored()
    {
        var agb = Unique.EightDigits();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, $"naam;kvk_nummer;agb_code\nGoed;12345678;{agb}\nFout;12AB;nummer\n");
        try
        {
            var (exitCode, output, _) = await RunAsync("import", "providers", file);

            Assert.Equal(ContractRegieCli.Failed, exitCode);
            Assert.Equal(
                "Import van zorgaanbieders afgewezen: 2 fouten in 2 regels gelezen. Er is niets opgeslagen.\n"
                + "  regel 3, kolom kvk_nummer: KvK-nummer moet uit 8 cijfers bestaan.\n"
                + "  regel 3, kolom agb_code: AGB-code moet uit 8 cijfers bestaan.\n",
                output);
            Assert.Null(await new ProviderRepository(testDatabase.Database).ReadByAgbCodeAsync(agb));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrate_on_a_current_database_changes_nothing_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync("migrate");

        Assert.Equal(ContractRegieCli.Succeeded, exitCode);
        Assert.Equal("Database (Sqlite) is bijgewerkt naar het nieuwste schema.\n", output);
    }

    [Theory]
    [InlineData("import", "providers")]
    [InlineData("import", "clients", "x.csv")]
    [InlineData("export")]
    [InlineData("migrate", "--verbose")]
    [InlineData("import", "providers", "bestaat-niet.csv")]
    public async Task A_wrong_command_line_says_why_in_dutch_and_exits_2(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(ContractRegieCli.UsageError, exitCode);
        Assert.EndsWith("Zie 'contractregie help'.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_fall_back_to_the_environment_and_then_to_the_embedded_sqlite_file()
    {
        var fromEnvironment = CommandLine.Parse(["migrate"],
            name => name == CommandLine.ProviderVariable ? "postgres" : name == CommandLine.ConnectionVariable ? "Host=db" : null);
        var fromOptions = CommandLine.Parse(["migrate", "--provider=SqlServer", "--connection", "Server=x"], _ => "ignored");
        var fallback = CommandLine.Parse(["migrate"], _ => null);

        Assert.Equal((DatabaseEngine.Postgres, "Host=db"), (fromEnvironment.Database.Engine, fromEnvironment.Database.ConnectionString));
        Assert.Equal((DatabaseEngine.SqlServer, "Server=x"), (fromOptions.Database.Engine, fromOptions.Database.ConnectionString));
        Assert.Equal((DatabaseEngine.Sqlite, DatabaseOptions.DefaultSqliteConnectionString), (fallback.Database.Engine, fallback.Database.ConnectionString));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        string[] database = ["--provider", "Sqlite", "--connection", testDatabase.Options.ConnectionString];
        var exitCode = await ContractRegieCli.RunAsync([.. args, .. database], output, error, _ => null);
        return (exitCode, output.ToString(), error.ToString());
    }
}
