using ContractRegie.Core.Common;
using ContractRegie.Data;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Every morning: each recipient's waiting signals in one mail, daily or weekly as they chose, or the one-off overview
/// after a first run or a large import. A second run in the same period sends nothing.
/// </summary>
public sealed class DigestJob(Database database, SignalWriter writer, TimeProvider time) : IContractRegieJob
{
    public string Name => JobCatalog.Digest;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var queued = await database.InTransactionAsync(tx => writer.QueueDigestsAsync(today, tx), cancellationToken);
        return $"{queued} overzichten klaargezet.";
    }
}
