using ContractRegie.Migrations;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractRegie.Data.Tests.SqlServer;

/// <summary>
/// Renders every migration with FluentMigrator's SQL Server generator without a server: the runner in
/// no-connection mode writes the statements it would execute into a script instead.
/// </summary>
/// <remarks>
/// FluentMigrator 8 picks its connectionless processor only when there is no connection string: with one, even
/// with <see cref="RunnerOptions.NoConnection"/> set, it tries to open a connection first. So none is configured.
/// </remarks>
public static class SqlServerScript
{
    public static string RenderMigrations()
    {
        var script = new StringWriter();
        using (var services = new ServiceCollection()
                   .AddFluentMigratorCore()
                   .ConfigureRunner(runner => runner
                       .AddSqlServer()
                       .ScanIn(typeof(ContractRegister).Assembly).For.Migrations())
                   .Configure<RunnerOptions>(options => options.NoConnection = true)
                   .AddSingleton<ILoggerProvider>(new SqlScriptFluentMigratorLoggerProvider(script,
                       new SqlScriptFluentMigratorLoggerOptions { ShowSql = true, OutputGoBetweenStatements = true }, disposeWriter: false))
                   .BuildServiceProvider(validateScopes: false))
        {
            services.GetRequiredService<IMigrationRunner>().MigrateUp();
        }
        return script.ToString();
    }
}
