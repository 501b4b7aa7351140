namespace ContractRegie.Data.Sql.Schema;

public static class SchemaSql
{
    // FluentMigrator's version table, with the quoted mixed-case names it creates on every engine.
    public const string ReadAppliedVersion = """SELECT MAX("Version") FROM "VersionInfo" """;
}
