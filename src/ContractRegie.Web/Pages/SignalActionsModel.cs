using ContractRegie.Core.Signals;

namespace ContractRegie.Web.Pages;

/// <summary>The acknowledge and resolve forms of one signal, and the local page to return to afterwards.</summary>
public sealed record SignalActionsModel(Signal Signal, string ReturnUrl);
