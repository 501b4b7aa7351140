using System.Runtime.CompilerServices;
using ContractRegie.Data;
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
    /// The chunks a repository reads (memory holds one), each handed on as it comes, with the progress reported after each
    /// has been handled: processed of the total the chunks carry. Stops between chunks when the run is cancelled.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> EachChunkAsync<T>(IAsyncEnumerable<Page<T>> chunks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var processed = 0;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk.Items;
            processed += chunk.Items.Count;
            Report(processed, chunk.TotalCount);
        }
    }

    /// <summary>The items of <see cref="EachChunkAsync{T}"/> one by one.</summary>
    public async IAsyncEnumerable<T> EachAsync<T>(IAsyncEnumerable<Page<T>> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in EachChunkAsync(chunks, cancellationToken))
        {
            foreach (var item in chunk)
            {
                yield return item;
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
