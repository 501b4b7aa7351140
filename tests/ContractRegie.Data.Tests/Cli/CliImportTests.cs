using ContractRegie.Core.Security;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Import;
using ContractRegie.Data.Users;
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
        Assert.NotNull(await new ProviderRepository(testDatabase.Database, new AuditTrail(testDatabase.Database, new FixedActor("test"), TimeProvider.System)).ReadByAgbCodeAsync("98100002"));
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
            Assert.Null(await new ProviderRepository(testDatabase.Database, new AuditTrail(testDatabase.Database, new FixedActor("test"), TimeProvider.System)).ReadByAgbCodeAsync(agb));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(RegisterImportKind.Tariffs, "tarieven")]
    [InlineData(RegisterImportKind.OutcomeMeasurements, "prestatiemetingen")]
    [InlineData(RegisterImportKind.FinancialStatements, "jaarrekeningen")]
    public async Task The_report_names_what_was_imported(RegisterImportKind kind, string dutchName)
    {
        var output = new StringWriter();

        await ImportReportWriter.WriteAsync(new ImportReport(kind, 3, 2, 1, 0, []), output);

        Assert.Equal($"Import van {dutchName} geslaagd: 3 regels gelezen, 2 nieuw, 1 bijgewerkt, 0 ongewijzigd.\n", output.ToString());
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

    [Fact]
    public async Task Add_user_reads_the_password_from_standard_input_and_the_user_can_sign_in()
    {
        var userName = "cli-" + Unique.Token();

        var (exitCode, output, _) = await RunWithInputAsync("een-lang-cli-wachtwoord\n", "add-user", userName, "inkoper,lezer", "Ilse Inkoper");

        Assert.Equal(ContractRegieCli.Succeeded, exitCode);
        Assert.Equal($"Gebruiker {userName} aangemaakt met de rollen Inkoper,Lezer.\n", output);
        var audit = new AuditTrail(testDatabase.Database, new FixedActor("test"), TimeProvider.System);
        var accounts = new UserAccounts(new UserRepository(testDatabase.Database, audit), audit, TimeProvider.System);
        var signedIn = Assert.IsType<SignInOutcome.Succeeded>(await accounts.SignInAsync(userName, "een-lang-cli-wachtwoord"));
        Assert.Equal([Role.Inkoper, Role.Lezer], signedIn.Account.Roles);
        var created = (await audit.SearchAsync(new AuditFilter(Entity: "user", Actor: "cli:" + Environment.UserName), new PageRequest(1, 50))).Items;
        Assert.Contains(created, entry => entry.Action == AuditAction.Create && entry.AfterData!.Contains(userName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_password_lifts_the_lock_on_a_locked_out_beheerder()
    {
        var userName = "cli-" + Unique.Token();
        await RunWithInputAsync("een-lang-cli-wachtwoord\n", "add-user", userName, "beheerder", "Enige Beheerder");
        var audit = new AuditTrail(testDatabase.Database, new FixedActor("test"), TimeProvider.System);
        var accounts = new UserAccounts(new UserRepository(testDatabase.Database, audit), audit, TimeProvider.System);
        for (var attempt = 0; attempt < SignInLockout.MaxFailedAttempts; attempt++)
        {
            await accounts.SignInAsync(userName, "geraden-wachtwoord");
        }
        Assert.IsType<SignInOutcome.LockedOut>(await accounts.SignInAsync(userName, "een-lang-cli-wachtwoord"));

        var (exitCode, _, _) = await RunWithInputAsync("een-nieuw-cli-wachtwoord\n", "reset-password", userName);

        Assert.Equal(ContractRegieCli.Succeeded, exitCode);
        Assert.IsType<SignInOutcome.Succeeded>(await accounts.SignInAsync(userName, "een-nieuw-cli-wachtwoord"));
    }

    [Theory]
    [InlineData("kort\n", "beheerder")]
    [InlineData("een-lang-cli-wachtwoord\n", "")]
    public async Task Add_user_refuses_a_short_password_or_no_role_and_stores_nothing(string input, string roles)
    {
        var userName = "cli-" + Unique.Token();

        var (exitCode, _, error) = await RunWithInputAsync(input, "add-user", userName, roles, "Naam");

        Assert.Equal(ContractRegieCli.Failed, exitCode);
        Assert.NotEmpty(error);
        var audit = new AuditTrail(testDatabase.Database, new FixedActor("test"), TimeProvider.System);
        Assert.Null(await new UserRepository(testDatabase.Database, audit).ReadByUserNameAsync(userName));
    }

    [Fact]
    public async Task Import_spending_takes_the_key_from_the_environment_and_a_second_time_changes_nothing()
    {
        var sample = Path.Combine(RepositoryRoot.Find().FullName, "docs", "samples", "spending.csv");
        Func<string, string?> environment = name => name == ContractRegieCli.PseudonymKeyVariable ? "sleutel-van-de-gemeente-almelo-0141-test" : null;

        var first = await RunInAsync(environment, "", "import", "spending", sample);
        var again = await RunInAsync(environment, "", "import", "spending", sample);

        // The sample's provider has no contracts, so every line is an exception; 725,00 + 108,75 − 72,50 + 4.650,00 = 5.411,25.
        Assert.Equal((ContractRegieCli.Succeeded,
            "Import van uitgaven (Csv) geslaagd: 4 regels geïmporteerd, waarvan 4 met een uitzondering. Totaal 5.411,25 euro.\n"), (first.ExitCode, first.Output));
        Assert.Equal(ContractRegieCli.Succeeded, again.ExitCode);
        Assert.Contains("al geïmporteerd", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_spending_without_a_key_is_refused_and_exits_1()
    {
        var sample = Path.Combine(RepositoryRoot.Find().FullName, "docs", "samples", "spending.csv");

        var (exitCode, output, _) = await RunAsync("import", "spending", sample);

        Assert.Equal(ContractRegieCli.Failed, exitCode);
        Assert.Contains("Spending:PseudonymKey", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) => RunInAsync(_ => null, input, args);

    private async Task<(int ExitCode, string Output, string Error)> RunInAsync(Func<string, string?> environment, string input, params string[] args)
    {
        var (output, error) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        string[] database = ["--provider", "Sqlite", "--connection", testDatabase.Options.ConnectionString];
        var exitCode = await ContractRegieCli.RunAsync([.. args, .. database], output, error, environment, input: new StringReader(input));
        return (exitCode, output.ToString(), error.ToString());
    }
}
