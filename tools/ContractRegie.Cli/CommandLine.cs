using ContractRegie.Data;

namespace ContractRegie.Cli;

/// <summary>The command line could not be understood; the message says why, in Dutch.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The command, its words, and the database it works on: <c>--provider</c> and <c>--connection</c>,
/// else the <c>Database__Provider</c> / <c>Database__ConnectionString</c> environment variables (the
/// host's own settings), else the embedded SQLite file.
/// </summary>
public sealed record CommandLine(string Command, IReadOnlyList<string> Words, DatabaseOptions Database)
{
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionVariable = "Database__ConnectionString";

    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? provider = null, connection = null;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            switch (name)
            {
                case "--provider":
                    provider = inlineValue ?? ValueAfter(args, ref i);
                    break;
                case "--connection":
                    connection = inlineValue ?? ValueAfter(args, ref i);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"Onbekende optie '{option}'.");
                default:
                    words.Add(args[i]);
                    break;
            }
        }
        if (words.Count == 0)
        {
            throw new UsageException("Geef een opdracht.");
        }
        provider ??= NonEmpty(environment(ProviderVariable)) ?? nameof(DatabaseEngine.Sqlite);
        connection ??= NonEmpty(environment(ConnectionVariable)) ?? DatabaseOptions.DefaultSqliteConnectionString;
        if (!Enum.TryParse<DatabaseEngine>(provider, ignoreCase: true, out var engine) || !Enum.IsDefined(engine))
        {
            throw new UsageException($"Onbekende databaseprovider '{provider}'; kies uit {string.Join(", ", Enum.GetNames<DatabaseEngine>())}.");
        }
        var database = new DatabaseOptions { Provider = engine.ToString(), ConnectionString = connection, MigrateOnStartup = false };
        return new CommandLine(words[0].ToLowerInvariant(), words.Skip(1).ToList(), database);
    }

    /// <summary>Fails unless the command got exactly <paramref name="count"/> words after it.</summary>
    public void ExpectWords(int count, string usage)
    {
        if (Words.Count != count)
        {
            throw new UsageException($"Gebruik: contractregie {usage}");
        }
    }

    private static (string Name, string? InlineValue) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new UsageException($"Optie '{args[i - 1]}' mist een waarde.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
