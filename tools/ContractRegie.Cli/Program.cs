using ContractRegie.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C cancels the running import or seed; its transaction rolls back.
    e.Cancel = true;
    cancellation.Cancel();
};
return await ContractRegieCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, cancellation.Token, Console.In);
