namespace ContractRegie.Data.Dialects;

/// <summary>A lock that is released once, when disposed.</summary>
internal sealed class HeldLock(Action release) : IDisposable
{
    private Action? _release = release;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
