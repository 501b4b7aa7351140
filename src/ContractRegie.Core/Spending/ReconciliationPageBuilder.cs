namespace ContractRegie.Core.Spending;

/// <summary>
/// One page of a year's reconciliation gathered from chunks of rows: every row <paramref name="keep"/> accepts is counted and
/// totalled, but only the first <paramref name="rowsNeeded"/> in <paramref name="order"/> are held, so memory holds a page and
/// a chunk however large the year.
/// </summary>
public sealed class ReconciliationPageBuilder(int year, Func<ReconciliationRow, bool> keep, IComparer<ReconciliationRow> order, int rowsNeeded)
{
    private readonly ReconciliationTotal _total = new(year);
    private List<ReconciliationRow> _leading = [];

    /// <summary>How many rows were kept.</summary>
    public int Count { get; private set; }

    /// <summary>The sums over every row kept, not only the page's.</summary>
    public BudgetPosition Totals => _total.Position;

    public void Add(IEnumerable<ReconciliationRow> rows)
    {
        var kept = rows.Where(keep).ToList();
        foreach (var row in kept)
        {
            _total.Add(row);
        }
        Count += kept.Count;
        _leading = _leading.Concat(kept).Order(order).Take(rowsNeeded).ToList();
    }

    /// <summary>The kept rows from <paramref name="offset"/> on, in order, as far as <c>rowsNeeded</c> reaches.</summary>
    public IReadOnlyList<ReconciliationRow> From(int offset) => _leading.Skip(offset).ToList();
}
