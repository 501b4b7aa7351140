using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Security;
using ContractRegie.Data;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Users;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Import;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Spending;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Cli;

/// <summary>
/// <c>contractregie</c>: migrate the database, import register and spending files, seed demo data. Exit codes: 0 done,
/// 1 the work failed or an import was rejected, 2 the command line was wrong.
/// </summary>
public static class ContractRegieCli
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public const string PseudonymKeyVariable = "Spending__PseudonymKey";

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken = default,
        TextReader? input = null)
    {
        if (args is [] or ["help" or "--help" or "-h"])
        {
            (args.Length == 0 ? error : output).Write(Usage.Text);
            return args.Length == 0 ? UsageError : Succeeded;
        }
        try
        {
            var commandLine = CommandLine.Parse(args, environment);
            return commandLine.Command switch
            {
                "migrate" => Migrate(commandLine, output),
                "import" when commandLine.Words is ["spending", ..] => await ImportSpendingAsync(commandLine, environment, output, error, cancellationToken),
                "import" => await ImportAsync(commandLine, output, error, cancellationToken),
                "demo-data" => await SeedDemoDataAsync(commandLine, environment, output, error, cancellationToken),
                "add-user" => await AddUserAsync(commandLine, input ?? TextReader.Null, output, error),
                "reset-password" => await ResetPasswordAsync(commandLine, input ?? TextReader.Null, output, error),
                _ => throw new UsageException($"Onbekende opdracht '{commandLine.Command}'."),
            };
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(usage.Message);
            await error.WriteLineAsync("Zie 'contractregie help'.");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Afgebroken; de transactie is teruggedraaid, er is niets opgeslagen.");
            return Failed;
        }
        catch (Exception failure) when (DatabaseErrorIn(failure) is { } database)
        {
            await error.WriteLineAsync($"Databasefout: {database.Message}");
            return Failed;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Bestand kan niet worden gelezen: {failure.Message}");
            return Failed;
        }
    }

    /// <summary>The migration runner wraps the driver's error in its own; the driver's message is the one that helps.</summary>
    private static DbException? DatabaseErrorIn(Exception? failure) =>
        failure is null ? null : failure as DbException ?? DatabaseErrorIn(failure.InnerException);

    private static int Migrate(CommandLine commandLine, TextWriter output)
    {
        commandLine.ExpectWords(0, "migrate");
        var database = new Database(commandLine.Database);
        using (database.LockSchema())
        {
            SchemaMigrator.MigrateUp(database);
        }
        output.WriteLine($"Database ({database.Engine}) is bijgewerkt naar het nieuwste schema.");
        return Succeeded;
    }

    private static async Task<int> ImportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        commandLine.ExpectWords(2, "import <soort> <bestand>");
        if (!RegisterColumns.TryParseKind(commandLine.Words[0], out var kind))
        {
            throw new UsageException($"Onbekende soort import '{commandLine.Words[0]}'; kies {RegisterColumns.KindNames()}, of spending voor uitgaven.");
        }
        return await ImportFileAsync(commandLine, () => Services(commandLine), error, async (services, file) =>
        {
            var report = await services.GetRequiredService<RegisterImporter>().ImportAsync(kind, file, cancellationToken);
            await ImportReportWriter.WriteAsync(report, output);
            return report.Succeeded;
        });
    }

    /// <summary>The pseudonym key comes from the environment (Spending__PseudonymKey), never from the command line and its history.</summary>
    private static async Task<int> ImportSpendingAsync(
        CommandLine commandLine, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        commandLine.ExpectWords(2, "import spending <bestand>");
        var spending = new SpendingOptions { PseudonymKey = environment(PseudonymKeyVariable) };
        return await ImportFileAsync(commandLine, () => Services(commandLine, spending), error, async (services, file) =>
        {
            var report = await services.GetRequiredService<SpendingImporter>().ImportAsync(file, Path.GetFileName(file.Name), cancellationToken);
            await ImportReportWriter.WriteAsync(report, output);
            return report.Outcome != SpendingImportOutcome.Rejected;
        });
    }

    /// <summary>The file named by the second word, imported by <paramref name="import"/> into a migrated database.</summary>
    private static async Task<int> ImportFileAsync(
        CommandLine commandLine, Func<ServiceProvider> createServices, TextWriter error, Func<ServiceProvider, FileStream, Task<bool>> import)
    {
        var path = commandLine.Words[1];
        if (!File.Exists(path))
        {
            throw new UsageException($"Bestand '{path}' bestaat niet.");
        }
        await using var services = createServices();
        if (!await IsMigratedAsync(services, error))
        {
            return Failed;
        }
        await using var file = File.OpenRead(path);
        return await import(services, file) ? Succeeded : Failed;
    }

    /// <summary>The demo's spending is imported like any file, so it needs the pseudonym key from the environment too.</summary>
    private static async Task<int> SeedDemoDataAsync(
        CommandLine commandLine, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        commandLine.ExpectWords(0, "demo-data");
        await using var services = Services(commandLine, new SpendingOptions { PseudonymKey = environment(PseudonymKeyVariable) });
        if (!await IsMigratedAsync(services, error))
        {
            return Failed;
        }
        var today = TimeProvider.System.Today();
        var result = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(today, cancellationToken);
        await output.WriteLineAsync(result.Seeded
            ? $"Demogegevens geladen: {result.Providers} zorgaanbieders, {result.Contracts} contracten, {result.TariffLines} tariefregels, "
              + $"{result.BudgetCeilings} budgetplafonds, {result.OutcomeAgreements} prestatieafspraken, {result.OutcomeMeasurements} prestatiemetingen "
              + $"en {result.FinancialStatements} jaarrekeningen; {result.Allocations} toewijzingen en {result.SpendingLines} uitgavenregels."
              + (result.SpendingProblem is { } problem ? $" Uitgaven niet geladen: {problem}" : "")
            : "Het register bevat al zorgaanbieders; er zijn geen demogegevens geladen.");
        return Succeeded;
    }

    /// <summary>Adds a built-in account; the password is read from standard input so it stays out of the shell history.</summary>
    private static async Task<int> AddUserAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error)
    {
        commandLine.ExpectWords(3, "add-user <gebruikersnaam> <rollen> \"<naam>\"   (wachtwoord via standaardinvoer)");
        var (roles, unknown) = Roles.ParseList(commandLine.Words[1]);
        if (unknown.Count > 0)
        {
            throw new UsageException($"Onbekende rol '{unknown[0]}'; kies uit {string.Join(", ", Enum.GetNames<Role>())}.");
        }
        var account = new UserAccount { UserName = commandLine.Words[0], DisplayName = commandLine.Words[2], Roles = roles };
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        var errors = account.Validate(password);
        if (!errors.IsEmpty)
        {
            await error.WriteLineAsync(errors.ToString());
            return Failed;
        }
        await using var services = Services(commandLine);
        if (!await IsMigratedAsync(services, error))
        {
            return Failed;
        }
        if (await services.GetRequiredService<UserRepository>().ReadByUserNameAsync(account.UserName) is not null)
        {
            await error.WriteLineAsync($"Gebruikersnaam {account.UserName} is al in gebruik.");
            return Failed;
        }
        await services.GetRequiredService<UserAccounts>().CreateAsync(account, password);
        await output.WriteLineAsync($"Gebruiker {account.UserName} aangemaakt met de rollen {Roles.Format(roles)}.");
        return Succeeded;
    }

    /// <summary>
    /// The way back in when someone keeps the only beheerder locked out: whoever may run commands on the server sets a new
    /// password (from standard input), which lifts the lock and ends the user's sessions.
    /// </summary>
    private static async Task<int> ResetPasswordAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error)
    {
        commandLine.ExpectWords(1, "reset-password <gebruikersnaam>   (nieuw wachtwoord via standaardinvoer)");
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        if (PasswordRules.Validate(password) is { IsEmpty: false } errors)
        {
            await error.WriteLineAsync(errors.ToString());
            return Failed;
        }
        await using var services = Services(commandLine);
        if (!await IsMigratedAsync(services, error))
        {
            return Failed;
        }
        if (await services.GetRequiredService<UserRepository>().ReadByUserNameAsync(commandLine.Words[0]) is not { } user)
        {
            await error.WriteLineAsync($"Gebruiker {commandLine.Words[0]} bestaat niet.");
            return Failed;
        }
        await services.GetRequiredService<UserAccounts>().SetPasswordAsync(user.Id, password);
        await output.WriteLineAsync($"Nieuw wachtwoord gezet voor {user.UserName}; een blokkade is opgeheven en lopende sessies zijn beëindigd.");
        return Succeeded;
    }

    /// <summary>Writes from the command line are audited under the operating-system user who ran it.</summary>
    private static ServiceProvider Services(CommandLine commandLine, SpendingOptions? spending = null) =>
        new ServiceCollection()
            .AddSingleton(spending ?? new SpendingOptions())
            .AddContractRegieData(commandLine.Database)
            .AddSingleton<ICurrentActor>(new FixedActor("cli:" + Environment.UserName))
            .BuildServiceProvider();

    /// <summary>Writing to a database without the newest schema fails halfway; say what to do instead.</summary>
    private static async Task<bool> IsMigratedAsync(IServiceProvider services, TextWriter error)
    {
        if (!SchemaMigrator.HasPendingMigrations(services.GetRequiredService<Database>()))
        {
            return true;
        }
        await error.WriteLineAsync("De database heeft niet het nieuwste schema; voer eerst 'contractregie migrate' uit (met dezelfde --provider en --connection).");
        return false;
    }
}
