using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Apis.Signals;

/// <summary>What became of acknowledging or resolving a signal.</summary>
public abstract record SignalActionOutcome
{
    public sealed record Done(Signal Signal) : SignalActionOutcome;
    public sealed record Invalid(ValidationErrors Errors) : SignalActionOutcome;
    public sealed record SignalNotFound : SignalActionOutcome;
    public sealed record Refused(string Reason) : SignalActionOutcome;
}

/// <summary>Acknowledging and resolving a signal, for the API and the pages alike (audited by the repository).</summary>
public sealed class SignalActions(SignalRepository signals)
{
    public async Task<SignalActionOutcome> AcknowledgeAsync(long id) =>
        await signals.ReadByIdAsync(id) is { } signal && SignalTransitions.RefuseAcknowledge(signal) is { } reason
            ? new SignalActionOutcome.Refused(reason)
            : Found(await signals.SetStatusAsync(id, SignalStatus.Acknowledged, null));

    public async Task<SignalActionOutcome> ResolveAsync(long id, string? note)
    {
        var errors = SignalTransitions.ValidateResolution(note);
        return errors.IsEmpty
            ? Found(await signals.SetStatusAsync(id, SignalStatus.Resolved, note!.Trim()))
            : new SignalActionOutcome.Invalid(errors);
    }

    private static SignalActionOutcome Found(Signal? signal) =>
        signal is null ? new SignalActionOutcome.SignalNotFound() : new SignalActionOutcome.Done(signal);
}
