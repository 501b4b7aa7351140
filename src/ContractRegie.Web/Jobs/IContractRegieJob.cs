namespace ContractRegie.Web.Jobs;

/// <summary>
/// A scheduled job. It takes "now" from the injected TimeProvider, is idempotent (a second run on the same day
/// changes nothing) and returns a one-line summary of what it did, which the run history keeps.
/// </summary>
public interface IContractRegieJob
{
    string Name { get; }

    Task<string> RunAsync(CancellationToken cancellationToken);
}
