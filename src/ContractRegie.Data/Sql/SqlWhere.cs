namespace ContractRegie.Data.Sql;

/// <summary>
/// Joins the conditions of a filtered query. Conditions are constants from the Sql classes; values
/// travel only as parameters, so request data never becomes SQL text.
/// </summary>
public sealed class SqlWhere
{
    private readonly List<string> _conditions = [];

    public SqlWhere When(bool applies, string condition)
    {
        if (applies)
        {
            _conditions.Add(condition);
        }
        return this;
    }

    /// <summary>The condition for <paramref name="value"/>, when there is one.</summary>
    public SqlWhere When<T>(T? value, Func<T, string> condition) where T : struct => When(value is not null, value is { } v ? condition(v) : "");

    public override string ToString() =>
        _conditions.Count == 0 ? string.Empty : "WHERE " + string.Join("\n  AND ", _conditions);
}
