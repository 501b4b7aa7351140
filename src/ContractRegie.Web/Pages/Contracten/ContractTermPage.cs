using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Forms;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Contracten;

/// <summary>What the shared view (_ContractTerms) shows of any of the three term pages.</summary>
public abstract class ContractTermPageView : PageModel
{
    public Contract Contract { get; protected set; } = null!;
    /// <summary>"Tarieven", "Budgetplafonds", "Prestatieafspraken".</summary>
    public abstract string Heading { get; }
    /// <summary>"tarief", "budgetplafond", "prestatieafspraak".</summary>
    public abstract string Singular { get; }
    /// <summary>"Nieuw tarief", "Nieuwe prestatieafspraak": Dutch articles differ per word.</summary>
    public abstract string NewHeading { get; }
    public abstract IReadOnlyList<string> Headings { get; }
    public IReadOnlyList<(long Id, long RowVersion, IReadOnlyList<string> Cells)> Rows { get; protected set; } = [];
    public IReadOnlyList<FormField> Fields { get; protected set; } = [];
    /// <summary>The term being changed; null when the form adds one.</summary>
    public long? EditingId { get; protected set; }
    /// <summary>The row version of the term being changed, carried in a hidden field so a change based on an old read is refused.</summary>
    [BindProperty] public long? Versie { get; set; }
    /// <summary>A problem with the form as a whole, e.g. a term that already exists.</summary>
    public string? FormError { get; protected set; }
    [TempData] public string? Saved { get; set; }
}

/// <summary>
/// Adds, changes and deletes a contract's terms for contractmanagers, through the API's own descriptor
/// (<see cref="ContractTerms"/>): the same input type and rules, the same audited repository calls. A rejected form
/// writes nothing and comes back with the typed values and each message next to its field.
/// </summary>
[Authorize(Policy = Policies.ContractWrite)]
public abstract class ContractTermPage<TForm, TInput, T>(ContractRepository contracts, ContractTermsRepository terms, ContractTerm<TInput, T> term)
    : ContractTermPageView
    where TForm : IContractTermForm<TForm, TInput, T>, new()
    where T : class, IVersioned
{
    private const string ChangedMeanwhile = "Iemand anders heeft dit intussen gewijzigd of verwijderd. Hieronder staan de huidige gegevens; "
        + "breng uw wijziging zo nodig opnieuw aan.";

    [BindProperty] public TForm Form { get; set; } = new();

    public override IReadOnlyList<string> Headings => TForm.Headings;

    public async Task<IActionResult> OnGetAsync(long id, long? wijzig)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (wijzig is { } itemId)
        {
            if (await term.Read(terms, id, itemId) is not { } item)
            {
                return NotFound();
            }
            Edit(item, itemId);
        }
        Fields = Form.Fields();
        return Page();
    }

    private void Edit(T item, long itemId)
    {
        Form = TForm.From(item);
        EditingId = itemId;
        Versie = item.RowVersion;
    }

    /// <summary>Adds a term, or changes <paramref name="wijzig"/>.</summary>
    public async Task<IActionResult> OnPostAsync(long id, long? wijzig)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        EditingId = wijzig;
        var unreadable = new ValidationErrors();
        var input = Form.ToInput(unreadable);
        var broken = new ValidationErrors();
        var item = term.ToDomain(input, id, wijzig ?? 0, broken);
        if (!unreadable.IsEmpty || !broken.IsEmpty || (broken = await term.CheckStoredAsync(terms, item)) is { IsEmpty: false })
        {
            return Rejected(unreadable, broken);
        }
        try
        {
            if (wijzig is null)
            {
                await term.Insert(terms, item);
            }
            else
            {
                switch (await term.Update(terms, item, Versie ?? 0))
                {
                    case WriteResult.NotFound:
                        return NotFound();
                    case WriteResult.Stale:
                        return await ChangedMeanwhileAsync(id, wijzig.Value);
                }
            }
        }
        catch (DbException db) when (HttpContext.RequestServices.GetRequiredService<Database>().Dialect.IsConstraintViolation(db))
        {
            FormError = $"Er bestaat al een {Singular} met deze gegevens; wijzig dat of kies andere waarden.";
            return Rejected(unreadable, broken);
        }
        Saved = $"{Capitalised(Singular)} opgeslagen.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVerwijderenAsync(long id, long itemId, long versie)
    {
        switch (await term.Delete(terms, id, itemId, versie))
        {
            case WriteResult.NotFound:
                return NotFound();
            case WriteResult.Stale:
                if (!await LoadAsync(id))
                {
                    return NotFound();
                }
                return await ChangedMeanwhileAsync(id, itemId);
        }
        Saved = $"{Capitalised(Singular)} verwijderd.";
        return RedirectToPage();
    }

    /// <summary>Shows the term as it is now, with a message, so the user can redo the change on the current version.</summary>
    private async Task<IActionResult> ChangedMeanwhileAsync(long id, long itemId)
    {
        if (await term.Read(terms, id, itemId) is not { } current)
        {
            return NotFound();
        }
        Edit(current, itemId);
        Fields = Form.Fields();
        FormError = ChangedMeanwhile;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await contracts.ReadByIdAsync(id) is not { } contract)
        {
            return false;
        }
        Contract = contract;
        Rows = (await term.List(terms, id, null)).Select(item => (IdOf(item), item.RowVersion, TForm.Cells(item))).ToList();
        return true;
    }

    /// <summary>
    /// Text that is not a value says so; the API's rules speak for the rest (its "Is verplicht." for a field it could not
    /// read would only repeat the problem).
    /// </summary>
    private PageResult Rejected(ValidationErrors unreadable, ValidationErrors broken)
    {
        var messages = unreadable.ToDictionary();
        foreach (var (field, ruleMessages) in broken.ToDictionary())
        {
            messages.TryAdd(field, ruleMessages);
        }
        Fields = Form.Fields().Select(f => f with { Errors = messages.TryGetValue(f.ErrorKey, out var m) ? m : [] }).ToList();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    protected abstract long IdOf(T item);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
