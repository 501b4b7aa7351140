using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Jobs;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Users;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Pages.Labels;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>A deadline of a contract the tactisch inkoper must act on: the renewal decision or the start of a new procurement.</summary>
public sealed record DeadlineItem(Contract Contract, string What, DateOnly Date);

/// <summary>A job with its last run, for the beheerder.</summary>
public sealed record JobStatus(string Name, JobRun? LastRun);

/// <summary>
/// "Mijn werk": the start page shows each role of the signed-in user its own work, most urgent first. A user with
/// no work of their own (lezer) starts on the register.
/// </summary>
public sealed class IndexModel(
    SignalRepository signals, ContractRepository contracts, SpendingRepository spending, BudgetPositions positions, SpendingOptions spendingOptions,
    JobRunner jobs, JobRunRepository runs, OutboxRepository outbox, UserRepository users, MailAddressing addressing, IAuthorizationService authorization,
    TimeProvider time) : PageModel
{
    private const int Shown = 10;

    public DateOnly Today => time.Today();
    public Page<Signal> MySignals { get; private set; } = new([], 1, Shown, 0);
    public Page<Contract> MyContracts { get; private set; } = new([], 1, Shown, 0);
    public IReadOnlyList<DeadlineItem> Deadlines { get; private set; } = [];
    public IReadOnlyList<BudgetExhaustion> Budgets { get; private set; } = [];
    public Page<SpendingExceptionLine> Exceptions { get; private set; } = new([], 1, Shown, 0);
    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];
    public Page<Notification> Queued { get; private set; } = new([], 1, Shown, 0);
    public Page<Notification> Failed { get; private set; } = new([], 1, Shown, 0);
    /// <summary>For the beheerder: no fallback address and no beheerder with an address, so signals nobody can be reached for reach nobody.</summary>
    public bool NoLastResort { get; private set; }
    public decimal NearlyExhaustedPercent => spendingOptions.NearlyExhaustedPercent;

    public bool IsContractManager => User.IsInRole(nameof(Role.Contractmanager));
    public bool IsBuyer => User.IsInRole(nameof(Role.Inkoper));
    public bool IsFinance => User.IsInRole(nameof(Role.Financien));
    public bool IsAdministrator => User.IsInRole(nameof(Role.Beheerder));
    public string Me => User.Identity?.Name ?? "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsContractManager && !IsBuyer && !IsFinance && !IsAdministrator)
        {
            return Redirect("/contracten");
        }
        if (IsContractManager)
        {
            MySignals = await signals.SearchAsync(new SignalFilter(Recipient: Me, Unresolved: true), new PageRequest(1, Shown), SignalOrder.Urgency);
            MyContracts = await contracts.SearchAsync(new ContractFilter { ContractManager = Me }, new PageRequest(1, Shown), ContractOrder.NextDeadline);
        }
        if (IsBuyer)
        {
            Deadlines = await DeadlinesAsync();
        }
        if (IsFinance)
        {
            Budgets = await positions.MostExhaustedAsync(Shown);
            Exceptions = await spending.SearchExceptionsAsync(new SpendingExceptionFilter(Year: Today.Year), new PageRequest(1, Shown));
        }
        if (IsAdministrator)
        {
            var statuses = new List<JobStatus>();
            foreach (var name in jobs.Names)
            {
                statuses.Add(new JobStatus(name, await runs.ReadLatestAsync(name)));
            }
            Jobs = statuses;
            Queued = await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, Shown));
            Failed = await outbox.SearchAsync(NotificationState.Failed, new PageRequest(1, Shown));
            NoLastResort = !MailRecipients.HaveLastResort(await users.ReadAllAsync(), addressing);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRunJobAsync(string job, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administration)).Succeeded)
        {
            return Forbid();
        }
        switch (await jobs.RunAsync(job, cancellationToken))
        {
            case null:
                return NotFound();
            case { Run: { } run }:
                TempData["StatusMessage"] = $"{DutchLabels.Job(job)}: {DutchLabels.Of(run.Outcome).ToLowerInvariant()}. {run.Summary}";
                break;
            case { Busy: var busy }:
                TempData["StatusMessage"] = $"{DutchLabels.Job(job)} loopt al (gestart {DutchDates.Format(busy!.StartedAt)}); probeer het opnieuw als die klaar is.";
                break;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRequeueAsync(long notification)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administration)).Succeeded)
        {
            return Forbid();
        }
        TempData["StatusMessage"] = await outbox.RequeueFailedAsync(notification) switch
        {
            true => "De e-mail staat weer in de wachtrij.",
            false => "Deze e-mail is niet mislukt en blijft zoals hij is.",
            null => "Deze e-mail bestaat niet.",
        };
        return RedirectToPage();
    }

    /// <summary>The soonest decision and procurement-start deadlines over the whole register.</summary>
    private async Task<IReadOnlyList<DeadlineItem>> DeadlinesAsync()
    {
        // The contracts with the soonest next deadline hold the soonest deadlines of either kind.
        var soonest = await contracts.SearchAsync(new ContractFilter(), new PageRequest(1, Shown), ContractOrder.NextDeadline);
        return soonest.Items
            .SelectMany(c => new[]
            {
                c.KeyDates.DecisionDeadline is { } decision ? new DeadlineItem(c, "Besluit over verlenging", decision) : null,
                c.KeyDates.ProcurementStartDeadline is { } start ? new DeadlineItem(c, "Start nieuwe aanbesteding", start) : null,
            })
            .OfType<DeadlineItem>()
            .OrderBy(d => d.Date)
            .Take(Shown)
            .ToList();
    }
}
