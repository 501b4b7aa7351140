using System.Text.RegularExpressions;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.SqlServer;

/// <summary>Values travel only as parameters: the SQL classes may not build text with string interpolation.</summary>
public sealed partial class NoInterpolatedSqlTests
{
    // $"…", $@"…", @$"…", $"""…""" and $$"""…""": any interpolated string literal.
    [GeneratedRegex("""(\$+@?|@\$+)"+""")]
    private static partial Regex InterpolatedString();

    [Fact]
    public void Sql_sources_contain_no_interpolated_strings()
    {
        var sqlFolder = Path.Combine(RepositoryRoot.Find().FullName, "src", "ContractRegie.Data", "Sql");
        var files = Directory.GetFiles(sqlFolder, "*.cs", SearchOption.AllDirectories);

        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(x => InterpolatedString().IsMatch(x.line))
            .Select(x => Path.GetRelativePath(sqlFolder, x.file) + ":" + x.number + ": " + x.line.Trim())
            .ToList();

        Assert.True(files.Length >= 4, "expected the Sql folder's sources, found " + files.Length + " files in " + sqlFolder);
        Assert.Contains(files, f => f.EndsWith(Path.Combine("Providers", "ProviderSql.cs"), StringComparison.Ordinal));
        Assert.True(offences.Count == 0, "string interpolation in SQL sources:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData("var sql = $\"SELECT * FROM provider WHERE id = {id}\";", true)]
    [InlineData("var sql = $@\"SELECT {x}\";", true)]
    [InlineData("var sql = @$\"SELECT {x}\";", true)]
    [InlineData("var sql = $\"\"\"SELECT {x}\"\"\";", true)]
    [InlineData("var sql = $$\"\"\"SELECT {{x}}\"\"\";", true)]
    [InlineData("public const string Paging = \"LIMIT @Limit OFFSET @Offset\";", false)]
    [InlineData("public const string Where = \"\"\"name LIKE @Text ESCAPE '\\'\"\"\";", false)]
    [InlineData("var pattern = @\"\\\\\";", false)]
    public void The_scan_recognises_interpolated_strings(string line, bool interpolated)
    {
        Assert.Equal(interpolated, InterpolatedString().IsMatch(line));
    }
}
