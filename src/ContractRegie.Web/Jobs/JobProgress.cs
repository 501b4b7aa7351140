using System.Data.Common;
using System.Runtime.CompilerServices;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Jobs;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Where a job says how far it is (processed of total), per chunk and in memory. The runner's heartbeat writes the latest
/// count to the run on a connection of its own, outside the job's transaction, and the end of the run writes the last, so
/// reporting costs the job no round trip. The runner sets which run the reports belong to; a job needs no run handle.
/// </summary>
public sealed class JobProgress
{
    private static readonly AsyncLocal<Tracker?> Current = new();

    public void Report(int processed, int total)
    {
        if (Current.Value is { } tracker)
        {
            tracker.Latest = new JobProgressCount(processed, total);
        }
    }

    /// <summary>
    /// The whole register, read <paramref name="chunkSize"/> contracts at a time (memory holds one chunk), with the progress
    /// reported after each chunk has been handled.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<Contract>> EachChunkAsync(ContractRepository contracts, int chunkSize, DbTransaction transaction,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var processed = 0;
        await foreach (var chunk in contracts.ReadInChunksAsync(chunkSize, transaction).WithCancellation(cancellationToken))
        {
            yield return chunk.Items;
            processed += chunk.Items.Count;
            Report(processed, chunk.TotalCount);
        }
    }

    /// <summary>The contracts of <see cref="EachChunkAsync"/> one by one.</summary>
    public async IAsyncEnumerable<Contract> EachContractAsync(ContractRepository contracts, int chunkSize, DbTransaction transaction,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in EachChunkAsync(contracts, chunkSize, transaction, cancellationToken))
        {
            foreach (var contract in chunk)
            {
                yield return contract;
            }
        }
    }

    /// <summary>Collects the reports of the job run started from the calling flow.</summary>
    internal Tracker Track() => Current.Value = new Tracker();

    internal sealed class Tracker
    {
        private JobProgressCount? _latest;
        private readonly Lock _lock = new();

        public JobProgressCount? Latest
        {
            get { lock (_lock) { return _latest; } }
            set { lock (_lock) { _latest = value; } }
        }
    }
}
