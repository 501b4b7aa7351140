using System.Data;
using System.Globalization;
using Dapper;

namespace ContractRegie.Data;

/// <summary>
/// Registers, once per process, what makes the three engines read alike: snake_case columns onto
/// PascalCase properties, <see cref="DateOnly"/> (SQLite keeps dates as text), UTC instants and decimals
/// (SQLite hands a NUMERIC column back as INTEGER or REAL row by row), and enums stored by name.
/// </summary>
public static class TypeHandlers
{
    private static readonly DateOnlyHandler Dates = new();
    private static readonly UtcInstantHandler UtcInstants = new();
    private static readonly DecimalHandler Decimals = new();

    private static readonly Lazy<bool> Registered = new(() =>
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(Dates);
        SqlMapper.AddTypeHandler(UtcInstants);
        SqlMapper.AddTypeHandler(Decimals);
        // Without this Dapper sends an enum parameter as its number, whatever handler is registered.
        SqlMapper.Settings.PreferTypeHandlersForEnums = true;
        foreach (var type in StoredEnums)
        {
            SqlMapper.AddTypeHandler(type, EnumNameHandler.Instance);
        }
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>
    /// Sets <paramref name="parameter"/> to <paramref name="value"/> as Dapper does through these handlers, for a command that is made
    /// once and refilled (<see cref="Sql.SqlRows.InsertBatchesAsync"/>) or a COPY (<see cref="Dialects.PostgresCopy"/>) rather than by Dapper.
    /// </summary>
    internal static void SetValue(IDbDataParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case Enum:
                EnumNameHandler.Instance.SetValue(parameter, value);
                break;
            case DateTimeOffset instant:
                UtcInstants.SetValue(parameter, instant);
                break;
            case DateOnly date:
                Dates.SetValue(parameter, date);
                break;
            case decimal number:
                Decimals.SetValue(parameter, number);
                break;
            default:
                parameter.Value = value;
                break;
        }
    }

    /// <summary>Every enum of the domain and the data layer: a new one is stored by name without being listed anywhere.</summary>
    private static IEnumerable<Type> StoredEnums =>
        typeof(Core.Contracts.Contract).Assembly.GetExportedTypes()
            .Concat(typeof(TypeHandlers).Assembly.GetExportedTypes())
            .Where(type => type.IsEnum);

    /// <summary>An enum is a text column holding the member's name, as the API spells it: readable in the database and stable when members are added.</summary>
    private sealed class EnumNameHandler : SqlMapper.ITypeHandler
    {
        public static readonly EnumNameHandler Instance = new();

        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is DBNull ? value : value.ToString();
        }

        public object Parse(Type destinationType, object value) => value switch
        {
            string name => Enum.Parse(Nullable.GetUnderlyingType(destinationType) ?? destinationType, name),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as {destinationType.Name}: enums are stored by name."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };
    }

    /// <summary>
    /// Instants are stored as UTC in a plain timestamp column (datetime2 / timestamp / text): SQLite has no
    /// offset type, and one convention on all engines beats three.
    /// </summary>
    private sealed class UtcInstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTime2;
            parameter.Value = DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Unspecified);
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
        };
    }

    // Dapper compiles a row reader for the column type of the first row; SQLite's NUMERIC affinity stores 80 as
    // INTEGER and 7.5 as REAL in the same column, so without this the second row fails to cast.
    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }

        public override decimal Parse(object value) => value switch
        {
            decimal number => number,
            double number => (decimal)number,
            long number => number,
            string text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
            _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        };
    }
}
