using ContractRegie.Data.Dialects;
using ContractRegie.Data.Sql;
using Npgsql;

namespace ContractRegie.Data.Tests.Unit;

public sealed class DataBasicsTests
{
    [Theory]
    [InlineData("Sqlite", DatabaseEngine.Sqlite)]
    [InlineData("postgres", DatabaseEngine.Postgres)]
    [InlineData("SQLSERVER", DatabaseEngine.SqlServer)]
    public void Provider_setting_chooses_the_engine_ignoring_case(string provider, DatabaseEngine expected)
    {
        Assert.Equal(expected, new DatabaseOptions { Provider = provider }.Engine);
        Assert.Equal(expected, ISqlDialect.For(expected).Engine);
    }

    [Fact]
    public void Unknown_provider_fails_and_lists_the_valid_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DatabaseOptions { Provider = "Oracle" }.Engine);

        Assert.Equal("Database:Provider 'Oracle' is unknown; use one of: Sqlite, Postgres, SqlServer.", error.Message);
    }

    [Theory]
    [InlineData("Host=db;Database=contractregie", 5, true)]
    [InlineData("Host=db;Database=contractregie;Timeout=3;No Reset On Close=false", 3, false)]
    [InlineData("Host=db;Database=contractregie;Timeout=30;NoResetOnClose=false", 5, false)]
    public void A_postgres_connection_gives_up_within_5_seconds_and_is_pooled_without_a_reset_unless_told_otherwise(
        string configured, int timeoutSeconds, bool noResetOnClose)
    {
        var prepared = new NpgsqlConnectionStringBuilder(ISqlDialect.For(DatabaseEngine.Postgres).PrepareConnectionString(configured, "/"));

        Assert.Equal((timeoutSeconds, noResetOnClose, "db", "contractregie"), (prepared.Timeout, prepared.NoResetOnClose, prepared.Host, prepared.Database));
    }

    [Theory]
    [InlineData("Zorg", "%zorg%")]
    [InlineData("  100% ", @"%100\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"c:\x", @"%c:\\x%")]
    public void Like_contains_escapes_wildcards_and_the_escape_character(string text, string expected)
    {
        Assert.Equal(expected, Like.Contains(text));
    }

    [Fact]
    public void Page_counts_pages_and_offsets()
    {
        Assert.Equal(3, new Page<int>([], 1, 2, 5).TotalPages);
        Assert.Equal(0, new Page<int>([], 1, 2, 0).TotalPages);
        Assert.Equal(40, new PageRequest(3, 20).Offset);
    }
}
