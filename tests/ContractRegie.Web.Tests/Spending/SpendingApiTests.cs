using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static ContractRegie.Data.Tests.Infrastructure.DeclarationMessage;
using static ContractRegie.Data.Tests.Infrastructure.AllocationMessage;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Spending;

/// <summary>
/// Spending through the real HTTP pipeline, signed in as financiën. Each test has its own provider with a Wmo contract
/// (45/45A53 at € 72,50 per hour, budget € 1.000,00 for 0141 in 2026) and a Jeugdwet contract (43/43A31 at € 150,00
/// per etmaal, budget € 10.000,00), both 2024–2026. Today is 1 March 2026: day 60 of the year.
/// </summary>
public sealed class SpendingApiTests(ContractRegieApp app) : SignedInTest(app, Role.Financien)
{
    private static readonly string[] Bsns = ["999900006", "999900018", "123456782"];

    [Fact]
    public async Task Wmo323_jw323_and_csv_imports_give_the_hand_computed_totals_exceptions_and_reconciliation()
    {
        var (agb, wmo, jeugd) = await ContractsAsync();
        var wmo323 = Wmo323(agb, "0141", "DNW1",
        [
            new("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 8, "04", 58_000),         // 8 × 72,50
            new("999900018", "45", "45A53", new(2026, 2, 1), new(2026, 2, 28), 2, "04", 16_000),         // 145,00 expected: 15,00 off
            new("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 1, "04", 7_250, 'C'),     // credit of another amount than the 580,00
        ]);
        var jw323 = Jw323(agb, "0141", "DNJ1", [new("123456782", "43", "43A31", new(2026, 2, 1), new(2026, 2, 28), 28, "14", 420_000)]);
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;4;uur;290,00;;F100\r\n"         // clean
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;50,00;;F101\r\n"         // no contract for 45A99
            + $"{agb};0141;Wmo;45;45A53;01-01-2027;31-01-2027;1;uur;72,50;;F102\r\n"          // after the contract's end
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;1;uur;72,50;;DNW1\r\n";         // the 323's number again

        using var first = await ImportOkAsync(wmo323);
        using var second = await ImportOkAsync(jw323);
        using var third = await ImportOkAsync(csv);

        // 580,00 + 160,00 − 72,50 = 667,50 | 4.200,00 | 290,00 + 50,00 + 72,50 + 72,50 = 485,00
        Assert.Equal(("Wmo323", 3, 2, 66_750L), Summary(first));
        Assert.Equal(("Jw323", 1, 0, 420_000L), Summary(second));
        Assert.Equal(("Csv", 4, 3, 48_500L), Summary(third));

        using var exceptions = await Client.GetJsonAsync($"/api/v1/spending-exceptions?providerAgbCode={agb}");
        // The message lists its prestaties per client: 999900006's credit comes before 999900018's line.
        Assert.Equal(["CreditReversesNothing", "AmountDeviatesFromTariff", "NoMatchingContract", "DeliveryOutsideContractPeriod", "DuplicateDeclaration"],
            exceptions.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("exceptionKind").GetString()));

        // Wmo 2026: 667,50 + 290,00 + 72,50 = 1.030,00 of 1.000,00 = 103,0 %; 103.000 × 365 / 60 = 626.583,3 cents.
        Assert.Equal((100_000L, 103_000L, 626_583L, 103.0m, 5, 3), await ReconciliationAsync(wmo));
        // Jeugdwet 2026: 4.200,00 of 10.000,00 = 42,0 %; 420.000 × 365 / 60 = 2.555.000 cents.
        Assert.Equal((1_000_000L, 420_000L, 2_555_000L, 42.0m, 1, 0), await ReconciliationAsync(jeugd));

        var export = await Client.GetAsync($"/api/v1/reconciliation/export?year=2026&contractId={wmo}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // Nothing allocated, so nothing committed: room 1.000,00 − 1.030,00 = −30,00; in onderzoek 160,00 − 72,50 + 72,50 (the
        // deviating line, the unmatched credit and the duplicate number).
        Assert.EndsWith(";0141;1000,00;1030,00;6265,83;103;0,00;-30,00;160,00;5;3", lines[1], StringComparison.Ordinal);
        var exceptionExport = await (await Client.GetAsync($"/api/v1/spending-exceptions/export?providerAgbCode={agb}")).Content.ReadAsStringAsync();
        Assert.Equal(6, exceptionExport.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_same_file_again_changes_nothing_and_says_so()
    {
        var (agb, wmo, _) = await ContractsAsync();
        var message = Wmo323(agb, "0141", "DNW2", [new("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 2, "04", 14_500)]);
        using var first = await ImportOkAsync(message);

        using var again = await ImportOkAsync(message);

        Assert.Equal("AlreadyImported", again.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("al geïmporteerd", again.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(14_500L, (await ReconciliationAsync(wmo)).Spent);
    }

    public static TheoryData<string, string> Rejections => new()
    {
        { "wrong-total", "TotaalIngediendBedrag is € 300,00 debet, maar de 1 prestaties tellen op tot € 290,00 debet." },
        { "xxe", "Het bericht bevat een DTD. DTD's en externe entiteiten worden om veiligheidsredenen niet verwerkt." },
        { "truncated", "Het bericht is geen geldige XML (afgebroken of beschadigd)" },
        { "duplicate-number", "Declaratie DNW3 van zorgaanbieder" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_bad_message_is_rejected_with_the_reason_and_nothing_is_written(string bad, string reason)
    {
        var (agb, _, _) = await ContractsAsync();
        Prestatie[] prestaties = [new("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 4, "04", 29_000)];
        var valid = Wmo323(agb, "0141", "DNW3", prestaties);
        if (bad == "duplicate-number")
        {
            using var earlier = await ImportOkAsync(valid);
        }
        var before = await RowCountsAsync();
        var body = bad switch
        {
            "wrong-total" => Wmo323(agb, "0141", "DNW4", prestaties, total: 30_000),
            "xxe" => "<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                     + valid.Replace("<wmo323:DeclaratieNummer>DNW3", "<wmo323:DeclaratieNummer>&xxe;DNW5", StringComparison.Ordinal),
            "truncated" => Wmo323(agb, "0141", "DNW6", prestaties)[..(valid.Length * 2 / 3)],
            _ => Wmo323(agb, "0141", "DNW3", [prestaties[0] with { Cents = 29_001 }], total: 29_001),
        };

        var response = await ImportAsync(body);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = problem.RootElement.GetProperty("rowErrors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith(reason, StringComparison.Ordinal));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task The_lawfulness_of_a_year_is_reported_per_law_and_exported()
    {
        var (agb, _, _) = await ContractsAsync();
        // 2019 is before every test contract (2024–2026) and no other test declares in it: 100,00 for 45A53 is outside the
        // contract period, 50,00 for 45A99 has no contract. Both unlawful: 150,00 of 150,00 spent, far above 3 % (4,50).
        using var csv = await ImportOkAsync("agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;factuurnummer\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-03-2019;31-03-2019;1;uur;100,00;F2019-1\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-03-2019;31-03-2019;1;stuk;50,00;F2019-2\r\n");

        using var json = await Client.GetJsonAsync("/api/v1/lawfulness?year=2019");
        var wmo = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(("Wmo", 15_000L, 15_000L, 0L, 450L, true),
            (wmo.GetProperty("law").GetString(), wmo.GetProperty("spentCents").GetInt64(), wmo.GetProperty("unlawfulCents").GetInt64(),
             wmo.GetProperty("uncertainCents").GetInt64(), wmo.GetProperty("thresholdCents").GetInt64(), wmo.GetProperty("exceedsThreshold").GetBoolean()));
        var export = await (await Client.GetAsync("/api/v1/lawfulness/export?year=2019")).Content.ReadAsStringAsync();
        var lines = export.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["2019;Wmo;NoMatchingContract;Unlawful;50,00;1;150,00;150,00;0,00;3;4,50;ja", "2019;Wmo;DeliveryOutsideContractPeriod;Unlawful;100,00;1;150,00;150,00;0,00;3;4,50;ja"],
            lines[1..]);

        // Razor encodes "€" and the markup breaks lines; the text as a reader sees it is what counts.
        var page = System.Text.RegularExpressions.Regex.Replace(
            WebUtility.HtmlDecode(await (await Client.GetAsync("/rechtmatigheid?jaar=2019")).Content.ReadAsStringAsync()), @"\s+", " ");
        Assert.Contains("Besteed € 150,00; fouten € 150,00, onzekerheden € 0,00.", page, StringComparison.Ordinal);
        Assert.Contains("boven de grens, vermelden in de verantwoording", page, StringComparison.Ordinal);
        Assert.Contains("Geen passend contract", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_bsn_nor_other_personal_data_of_a_301_appears_anywhere_in_the_database_file()
    {
        var (agb, _, _) = await ContractsAsync();
        var allocation = await Client.PostAsync("/api/v1/allocation-imports", new StringContent(
            Wmo301("0141", agb, Bsns[2], new ToegewezenProduct("T7-" + agb, "45", "45A53", new(2026, 1, 1), null, 4, "04", "2")), Encoding.UTF8, "application/xml"));
        var allocationReport = await allocation.Content.ReadAsStringAsync();
        Assert.True(allocation.StatusCode == HttpStatusCode.OK, allocationReport);
        Assert.All(PersonalData.Append(Bsns[2]), personal => Assert.DoesNotContain(personal, allocationReport, StringComparison.Ordinal));
        using var wmo = await ImportOkAsync(Wmo323(agb, "0141", "DNW7",
            [new(Bsns[0], "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 1, "04", 7_250), new(Bsns[1], "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 1, "04", 7_250)]));
        using var jw = await ImportOkAsync(Jw323(agb, "0141", "DNJ7", [new(Bsns[2], "43", "43A31", new(2026, 2, 1), new(2026, 2, 2), 2, "14", 30_000)]));
        using var csv = await ImportOkAsync("agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;factuurnummer;bsn\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;1;uur;72,50;F700;{Bsns[1]}\r\n");
        SqliteConnection.ClearAllPools();

        var bytes = DatabaseFiles().SelectMany(ReadShared).ToArray();

        foreach (var personal in Bsns.Concat(PersonalData))
        {
            Assert.True(IndexOf(bytes, Encoding.UTF8.GetBytes(personal)) < 0, personal + " found in the database file");
            Assert.True(IndexOf(bytes, Encoding.Unicode.GetBytes(personal)) < 0, personal + " (UTF-16) found in the database file");
        }
        // The lines are there, under the pseudonym (HMAC-SHA256 of 999900006 under the test key, computed with Python's hmac).
        Assert.True(IndexOf(bytes, "11ac31534c82432b0d31380669c16e147f6506d030a48cc0637d1fbc9d513b89"u8.ToArray()) >= 0);
    }

    [Fact]
    public async Task The_nightly_job_signals_budgets_and_unlawful_spending_once_however_often_it_runs()
    {
        var (agb, wmo, jeugd) = await ContractsAsync();
        using var wmo323 = await ImportOkAsync(Wmo323(agb, "0141", "DNW8",
        [
            new("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 8, "04", 58_000),
            new("999900018", "45", "45A53", new(2026, 2, 1), new(2026, 2, 28), 2, "04", 16_000),    // 15,00 off the tariff
            new("123456782", "45", "45A53", new(2026, 2, 1), new(2026, 2, 28), 1, "04", 7_250),
        ]));
        using var jw323 = await ImportOkAsync(Jw323(agb, "0141", "DNJ8",
        [
            new("123456782", "43", "43A31", new(2026, 1, 1), new(2026, 1, 31), 31, "14", 465_000),
            new("999900006", "43", "43A31", new(2026, 1, 1), new(2026, 1, 31), 31, "14", 465_000),
            new("999900006", "43", "43A31", new(2026, 2, 1), new(2026, 2, 7), 7, "14", 105_000),
        ]));
        var admin = await App.CreateClientAsAsync(Role.Beheerder);

        var first = await RunJobAsync(admin);
        var queued = await admin.CountAsync("/api/v1/notifications?state=Queued");
        var second = await RunJobAsync(admin);

        // Wmo: 580,00 + 160,00 + 72,50 = 812,50 of 1.000,00 = 81,3 % ≥ 80 %; Jeugdwet: 4.650,00 × 2 + 1.050,00 = 10.350,00 > 10.000,00.
        Assert.Equal(["BudgetNearlyExhausted", "UnlawfulSpending"], await SignalKindsAsync(wmo));
        Assert.Equal(["BudgetExceeded"], await SignalKindsAsync(jeugd));
        Assert.DoesNotContain(" 0 nieuwe signaleringen", first, StringComparison.Ordinal);
        Assert.Contains(" 0 nieuwe signaleringen, 0 verscherpt", second, StringComparison.Ordinal);
        Assert.Equal(queued, await admin.CountAsync("/api/v1/notifications?state=Queued"));
        using var facts = await Client.GetJsonAsync($"/api/v1/signals?subjectType=contract&subjectId={jeugd}");
        Assert.Equal("Besteed € 10.350,00 van € 10.000,00 (103,5 %); prognose tot jaareinde bij het huidige tempo € 62.962,50.",
            facts.RootElement.GetProperty("items")[0].GetProperty("facts").GetString());
    }

    [Fact]
    public async Task Other_roles_may_not_import_spending()
    {
        var manager = await App.CreateClientAsAsync(Role.Contractmanager);

        var response = await manager.PostAsync("/api/v1/spending-imports", new StringContent("agb_code\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<(string Agb, long Wmo, long Jeugd)> ContractsAsync() => App.CreateSpendingContractsAsync();

    private static async Task<string> RunJobAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/v1/jobs/spending-reconciliation/runs", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Succeeded", run.RootElement.GetProperty("outcome").GetString());
        return run.RootElement.GetProperty("summary").GetString()!;
    }

    private async Task<List<string?>> SignalKindsAsync(long contractId)
    {
        using var json = await Client.GetJsonAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}");
        return json.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).Order(StringComparer.Ordinal).ToList();
    }

    private Task<HttpResponseMessage> ImportAsync(string body) =>
        Client.PostAsync("/api/v1/spending-imports", new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/octet-stream" } } });

    private async Task<JsonDocument> ImportOkAsync(string body)
    {
        var response = await ImportAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    private static (string?, int, int, long) Summary(JsonDocument report) =>
        (report.RootElement.GetProperty("source").GetString(), report.RootElement.GetProperty("linesImported").GetInt32(),
         report.RootElement.GetProperty("exceptionCount").GetInt32(), report.RootElement.GetProperty("totalCents").GetInt64());

    private async Task<(long? Budget, long Spent, long Projected, decimal? Exhaustion, int Lines, int Exceptions)> ReconciliationAsync(long contractId)
    {
        using var json = await Client.GetJsonAsync($"/api/v1/reconciliation?year=2026&contractId={contractId}");
        var row = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        return (row.GetProperty("budgetCents").GetInt64(), row.GetProperty("spentCents").GetInt64(), row.GetProperty("projectedCents").GetInt64(),
            row.GetProperty("exhaustionPercent").GetDecimal(), row.GetProperty("lineCount").GetInt32(), row.GetProperty("exceptionCount").GetInt32());
    }

    private async Task<(long Imports, long Lines, long Declarations)> RowCountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM " + table;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await Count("spending_import"), await Count("spending_line"), await Count("spending_declaration"));
    }

    private IEnumerable<string> DatabaseFiles() =>
        new[] { "", "-wal", "-journal" }.Select(suffix => App.DatabasePath + suffix).Where(File.Exists);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
