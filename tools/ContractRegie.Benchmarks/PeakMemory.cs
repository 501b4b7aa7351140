using System.Diagnostics;

namespace ContractRegie.Benchmarks;

/// <summary>
/// The highest working set and managed heap seen while a piece of work runs, sampled every 25 ms. The process's own
/// peak only ever grows, so it cannot compare two runs in one process; this can.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _workingSet;
    private long _managed;

    private PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Sample();
        _timer = new Timer(_ => Sample(), null, 0, 25);
    }

    public static PeakMemory Start() => new();

    public long WorkingSetBytes => Interlocked.Read(ref _workingSet);
    public long ManagedBytes => Interlocked.Read(ref _managed);

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Max(ref _workingSet, process.WorkingSet64);
        Max(ref _managed, GC.GetTotalMemory(false));
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
