namespace ContractRegie.Core.Spending;

/// <summary>
/// One page of a year's reconciliation gathered from chunks of rows: every row <paramref name="keep"/> accepts is counted and
/// totalled, but only the first <paramref name="rowsNeeded"/> in <paramref name="order"/> are held, so memory holds a page and
/// a chunk however large the year. With no limit (<see cref="int.MaxValue"/>) it holds every row, sorted once at the end.
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
        foreach (var row in rows.Where(keep))
        {
            _total.Add(row);
            _leading.Add(row);
            Count++;
        }
        if (_leading.Count > rowsNeeded)
        {
            _leading = _leading.Order(order).Take(rowsNeeded).ToList();
        }
    }

    /// <summary>The kept rows from <paramref name="offset"/> on, in order, as far as <c>rowsNeeded</c> reaches.</summary>
    public IReadOnlyList<ReconciliationRow> From(int offset) => _leading.Order(order).Skip(offset).ToList();
}
