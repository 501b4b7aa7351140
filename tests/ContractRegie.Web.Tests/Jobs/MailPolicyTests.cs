using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using MimeKit;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// Issue 11 at a real SMTP server with the default policy (Hoog and above at once, the rest in the digest): one test per
/// routing rule and per preference, and signals the jobs close themselves when their cause is gone. The test contract
/// (ApiClient.ContractBody) ends 31-12-2026 with two options of a year and six months' notice: its decision is due
/// 30-06-2026, its new procurement must start 31-12-2027 (twelve months before 31-12-2028).
/// </summary>
public sealed class MailPolicyTests : IDisposable
{
    private readonly TestSmtpServer _smtp = new();
    private readonly ContractRegieApp _app;

    public MailPolicyTests()
    {
        _smtp.Start();
        var settings = _smtp.MailSettings();
        settings["Mail:RoleMailboxes:Contractmanager"] = "contractbeheer@almelo.example";
        _app = new ContractRegieApp { Settings = settings };
    }

    private static string Address(string userName) => $"{userName}@almelo.example";

    private List<MimeMessage> MailsTo(string address) => _smtp.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    private Task<string> CreateUserAsync(Role role, string? userName = null) =>
        _app.CreateUserAsync(role, userName ?? role.ToString().ToLowerInvariant()[..3] + "-" + NextDigits(5));

    private async Task<long> ContractAsync(string? manager, string? inkoper, bool withOptions = true)
    {
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["contractManager"] = manager;
        body["tactischInkoper"] = inkoper;
        if (!withOptions)
        {
            body["extensionOptions"] = Array.Empty<object>();
            body["procurementLeadTimeMonths"] = 12;
        }
        return await writer.CreateAsync("/api/v1/contracts", body);
    }

    private async Task RunAsync(params string[] jobs)
    {
        foreach (var job in jobs)
        {
            await _app.RunJobAsync(job);
        }
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = _app.CreateClient();
        (await client.PostJsonAsync("/api/v1/sessions", new { userName, password = ContractRegieApp.Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Chooses on the user's own page, as a browser would: the form with its antiforgery token.</summary>
    private async Task ChooseAsync(string userName, string frequency)
    {
        var client = await SignInAsync(userName);
        var page = await client.GetStringAsync("/instellingen/meldingen");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), page);

        var response = await client.PostAsync("/instellingen/meldingen",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Frequency"] = frequency, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadAsStringAsync();
        Assert.Contains("Uw keuze is opgeslagen", saved);
        Assert.Matches($"value=\"{frequency}\"[^>]*checked", saved);
    }

    private async Task<JsonElement> SignalAsync(long contractId, string kind)
    {
        using var json = await (await _app.CreateClientAsAsync(Role.Lezer)).GetJsonAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}&kind={kind}");
        return json.RootElement.GetProperty("items").EnumerateArray().Single().Clone();
    }

    [Fact]
    public async Task A_decision_deadline_goes_to_the_contractmanager_alone_with_table_next_step_calendar_and_contract_thread()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero); // within a month of 30-06-2026: Hoog
        var manager = await CreateUserAsync(Role.Contractmanager);
        var inkoper = await CreateUserAsync(Role.Inkoper);
        var contractId = await ContractAsync(manager, inkoper);

        await RunAsync("contract-expiry", "notification-dispatch");

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal(Address(manager), mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("[ContractRegie] Hoog: Besluit over verlenging van", mail.Subject);
        Assert.StartsWith($"Beste Contractmanager {manager},", mail.TextBody);
        Assert.Contains("Wat nu: Leg het besluit over verlengen of opnieuw aanbesteden vast. Uiterlijk: 30-06-2026", mail.TextBody);
        Assert.Contains($"https://contractregie.almelo.example/contracten/{contractId}", mail.TextBody);
        Assert.Contains("<table", mail.HtmlBody);
        Assert.Contains("<td>30-06-2026</td>", mail.HtmlBody);
        Assert.Equal($"contract-{contractId}@contractregie", mail.InReplyTo);
        Assert.Equal([$"contract-{contractId}@contractregie"], mail.References);
        var calendar = Assert.Single(mail.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var ics = new MemoryStream();
        await calendar.Content!.DecodeToAsync(ics);
        var icsText = Encoding.UTF8.GetString(ics.ToArray());
        Assert.Contains("DTSTART;VALUE=DATE:20260630", icsText);
        Assert.Contains("SUMMARY:Besluit over verlenging van", icsText);
    }

    [Fact]
    public async Task A_procurement_start_goes_to_the_tactisch_inkoper_with_the_contractmanager_in_copy()
    {
        var manager = await CreateUserAsync(Role.Contractmanager);
        var inkoper = await CreateUserAsync(Role.Inkoper);
        // Without options the new procurement had to start by 31-12-2025 (end 31-12-2026 − 12 months): past, so Kritiek.
        await ContractAsync(manager, inkoper, withOptions: false);

        await RunAsync("contract-expiry", "notification-dispatch");

        var toInkoper = Assert.Single(MailsTo(Address(inkoper)));
        var toManager = Assert.Single(MailsTo(Address(manager)));
        Assert.Equal(2, _smtp.Messages().Count);
        Assert.Contains("Nieuwe aanbesteding voor", toInkoper.Subject);
        Assert.Contains("Uiterlijk: 31-12-2025", toInkoper.TextBody);
        Assert.DoesNotContain("(ter informatie, in kopie)", toInkoper.TextBody);
        Assert.Contains("(ter informatie, in kopie)", toManager.TextBody);
    }

    [Fact]
    public async Task A_signal_whose_contractmanager_has_no_account_goes_to_the_role_mailbox()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero);
        await ContractAsync("niet-bestaand", null);

        await RunAsync("contract-expiry", "notification-dispatch");

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("contractbeheer@almelo.example", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Beste collega's,", mail.TextBody);
    }

    [Fact]
    public async Task Without_a_mailbox_for_the_role_every_beheerder_with_an_address_stands_in_and_is_told_why()
    {
        // This class configures a mailbox for contractmanagers only: nobody stands in for a tactisch inkoper.
        var beheerder = await CreateUserAsync(Role.Beheerder);
        var manager = await CreateUserAsync(Role.Contractmanager);
        var contractId = await ContractAsync(manager, "niet-bestaand", withOptions: false); // start procurement by 31-12-2025
        _app.Clock.Now = new DateTimeOffset(2025, 7, 15, 8, 0, 0, TimeSpan.Zero); // within six months: not urgent, the digest

        await RunAsync("contract-expiry", "digest", "notification-dispatch");

        var digest = Assert.Single(MailsTo(Address(beheerder)));
        Assert.StartsWith($"Beste Beheerder {beheerder},", digest.TextBody);
        Assert.Contains("U ontvangt dit als beheerder: de tactisch inkoper die het contract of de zorgaanbieder noemt, heeft geen actief account "
                        + "met een e-mailadres, en er is geen rolmailbox ingesteld (Mail:RoleMailboxes:Inkoper).", digest.TextBody);
        Assert.Contains("Wat nu: Zorg dat een tactisch inkoper dit oppakt: Start de nieuwe aanbesteding", digest.TextBody);
        Assert.Contains($"/contracten/{contractId}", digest.TextBody);
        Assert.DoesNotContain("(ter informatie, in kopie)", digest.TextBody);
        Assert.Contains("(ter informatie, in kopie)", Assert.Single(MailsTo(Address(manager))).TextBody);

        // Passed: urgent, mailed by the job's own run to the beheerder again, and to nobody else who cannot act on it.
        _app.Clock.Now = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        await RunAsync("contract-expiry", "notification-dispatch");

        var urgent = MailsTo(Address(beheerder)).Last();
        Assert.StartsWith("[ContractRegie] Urgent: Nieuwe aanbesteding voor", urgent.Subject);
        Assert.Contains("Zorg dat een tactisch inkoper dit oppakt", urgent.TextBody);
        Assert.Equal(2, MailsTo(Address(beheerder)).Count);
    }

    [Fact]
    public async Task The_beheerder_is_told_on_the_start_page_while_no_fallback_address_and_no_beheerder_address_exist()
    {
        // This class configures a mailbox for contractmanagers only, and no fallback address.
        var admin = await _app.CreateClientAsAsync(Role.Beheerder); // an account without an address
        const string Warning = "Signaleringen kunnen niemand bereiken";

        var page = await admin.GetStringAsync("/");
        Assert.Contains(Warning, page);
        Assert.Contains("Mail:FallbackRecipient", page);

        await CreateUserAsync(Role.Beheerder); // with an address: it stands in from now on

        Assert.DoesNotContain(Warning, await admin.GetStringAsync("/"));
    }

    [Fact]
    public async Task Budget_and_unlawful_spending_go_to_financien_and_the_contractmanager_and_a_raised_budget_closes_its_signal()
    {
        var financien = await CreateUserAsync(Role.Financien);
        await CreateUserAsync(Role.Contractmanager, "j.jansen"); // the contractmanager of SpendingContracts
        var (agb, wmo, _) = await _app.CreateSpendingContractsAsync();
        // 20 hours × € 72,50 = € 1.450,00 against a budget of € 1.000,00; one line for a product no contract has.
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
                  + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;20;uur;1450,00;;F200\r\n"
                  + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;50,00;;F201\r\n";
        var finance = await _app.CreateClientAsAsync(Role.Financien);
        (await finance.PostAsync("/api/v1/spending-imports", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)))).EnsureSuccessStatusCode();

        await RunAsync("spending-reconciliation", "notification-dispatch");

        var toFinance = Assert.Single(MailsTo(Address(financien)));
        var toManager = Assert.Single(MailsTo(Address("j.jansen")));
        Assert.Equal(2, _smtp.Messages().Count);
        var exceeded = (await SignalAsync(wmo, "BudgetExceeded")).GetProperty("title").GetString()!;
        Assert.Contains(exceeded, toFinance.TextBody);
        Assert.Contains(exceeded, toManager.TextBody);
        Assert.Contains("Besteed € 1.450,00 van € 1.000,00", toFinance.TextBody);
        // The line without a contract has no contractmanager: financiën only, linked to the spending page financiën may open.
        Assert.Contains($"geen passend contract): zorgaanbieder {agb}", toFinance.TextBody);
        Assert.DoesNotContain("geen passend contract", toManager.TextBody);
        Assert.Contains("https://contractregie.almelo.example/uitgaven", toFinance.TextBody);
        Assert.DoesNotContain("/uitgaven", toManager.TextBody);

        var manager = await _app.CreateClientAsAsync(Role.Contractmanager);
        using var budgets = await manager.GetJsonAsync($"/api/v1/contracts/{wmo}/budgets");
        var budgetId = budgets.RootElement.EnumerateArray().Single(b => b.GetProperty("municipalityCode").GetString() == "0141").GetProperty("id").GetInt64();
        (await manager.PutMatchingAsync($"/api/v1/contracts/{wmo}/budgets/{budgetId}", new { year = 2026, municipalityCode = "0141", amountCents = 200_000 }))
            .EnsureSuccessStatusCode();
        await RunAsync("spending-reconciliation", "notification-dispatch");

        var closed = await SignalAsync(wmo, "BudgetExceeded");
        Assert.Equal("Resolved", closed.GetProperty("status").GetString());
        Assert.Contains("budget verhoogd", closed.GetProperty("resolutionNote").GetString());
        using var audit = await (await _app.CreateClientAsAsync(Role.Lezer)).GetJsonAsync($"/api/v1/audit-entries?entity=signal&entityId={closed.GetProperty("id").GetInt64()}");
        Assert.Equal("systeem", audit.RootElement.GetProperty("items")[0].GetProperty("actor").GetString());
        Assert.Equal(2, _smtp.Messages().Count); // closing is no news
    }

    [Fact]
    public async Task Provider_risk_goes_to_the_providers_contractmanager_a_first_assessment_is_no_rise_and_a_lower_level_closes_it()
    {
        var manager = await CreateUserAsync(Role.Contractmanager);
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        async Task<long> ProviderAsync()
        {
            var body = ProviderBody();
            body["contractManager"] = manager;
            return await writer.CreateAsync("/api/v1/providers", body);
        }
        // The healthy 2024 statement of MonitoringJobsTests, with the share of Almelo and the going-concern note to choose.
        static Dictionary<string, object?> Statement(long providerId, long municipalRevenueCents, bool goingConcern)
        {
            var statement = MonitoringJobsTests.Healthy2024(providerId);
            statement["municipalRevenueCents"] = municipalRevenueCents;
            statement["goingConcernNote"] = goingConcern;
            return statement;
        }
        var elevated = await ProviderAsync();
        var high = await ProviderAsync();
        // 75 % of the revenue from Almelo is one red flag: Verhoogd. A going-concern note is severe: Hoog.
        await writer.CreateAsync("/api/v1/financial-statements", Statement(elevated, 150_000_000L, goingConcern: false));
        var highStatement = await writer.CreateAsync("/api/v1/financial-statements", Statement(high, 100_000_000L, goingConcern: true));

        await RunAsync("financial-stability", "notification-dispatch");

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal(Address(manager), mail.To.Mailboxes.Single().Address);
        Assert.EndsWith("eerste beoordeling: Hoog", mail.Subject);
        Assert.DoesNotContain("ging van", mail.TextBody);
        Assert.Contains("Continuïteitsparagraaf", mail.TextBody);
        var reader = await _app.CreateClientAsAsync(Role.Lezer);
        Assert.Equal(0, await reader.CountAsync($"/api/v1/signals?subjectType=provider&subjectId={elevated}"));

        (await writer.PutMatchingAsync($"/api/v1/financial-statements/{highStatement}", Statement(high, 100_000_000L, goingConcern: false))).EnsureSuccessStatusCode();
        await RunAsync("financial-stability", "notification-dispatch");

        using var signals = await reader.GetJsonAsync($"/api/v1/signals?subjectType=provider&subjectId={high}");
        var closed = signals.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Resolved", closed.GetProperty("status").GetString());
        Assert.Contains("risiconiveau van de zorgaanbieder is gedaald", closed.GetProperty("resolutionNote").GetString());
        Assert.Single(_smtp.Messages());
    }

    [Fact]
    public async Task A_decision_closes_the_deadline_signal_it_answers_and_the_next_run_mails_nothing_about_it()
    {
        var manager = await CreateUserAsync(Role.Contractmanager);
        var contractId = await ContractAsync(manager, null);
        await RunAsync("contract-expiry");
        var due = await SignalAsync(contractId, "DecisionDue");

        var decider = await _app.CreateClientAsAsync(Role.Contractmanager);
        Assert.Equal(HttpStatusCode.Created, (await decider.PostJsonAsync($"/api/v1/contracts/{contractId}/renewal-decisions",
            new { decision = "Verlengen", decidingBody = "College", reason = "Goede resultaten." })).StatusCode);
        // The new decision deadline, 30-06-2027, is beyond every horizon on 1 March 2026: nothing new is due.
        await RunAsync("contract-expiry", "digest", "notification-dispatch");

        var closed = await SignalAsync(contractId, "DecisionDue");
        Assert.Equal((due.GetProperty("id").GetInt64(), "Resolved"), (closed.GetProperty("id").GetInt64(), closed.GetProperty("status").GetString()));
        Assert.StartsWith("Afgehandeld door het besluit 'Verlengen'", closed.GetProperty("resolutionNote").GetString());
        Assert.Empty(_smtp.Messages());
    }

    [Fact]
    public async Task A_daily_reader_gets_what_is_not_urgent_in_one_digest_a_day()
    {
        var manager = await CreateUserAsync(Role.Contractmanager);
        var contractId = await ContractAsync(manager, null); // on 1 March the decision is six months away: Info

        await RunAsync("contract-expiry", "notification-dispatch");
        Assert.Empty(_smtp.Messages());
        await RunAsync("digest", "digest", "contract-expiry", "notification-dispatch");

        var digest = Assert.Single(_smtp.Messages());
        Assert.Equal(Address(manager), digest.To.Mailboxes.Single().Address);
        Assert.Equal("[ContractRegie] Dagoverzicht 01-03-2026: 1 signalering", digest.Subject);
        Assert.Contains($"/contracten/{contractId}", digest.TextBody);

        _app.Clock.Now = ContractRegieApp.DefaultNow.AddDays(1);
        await RunAsync("contract-expiry", "digest", "notification-dispatch");
        Assert.Single(_smtp.Messages());
    }

    [Fact]
    public async Task A_weekly_reader_gets_one_digest_a_week_with_what_came_in_since_the_last()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero); // a Monday
        var manager = await CreateUserAsync(Role.Contractmanager);
        await ChooseAsync(manager, "Weekly");
        await ContractAsync(manager, null);
        await RunAsync("contract-expiry", "digest", "notification-dispatch");

        _app.Clock.Now = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);
        var second = await ContractAsync(manager, null);
        await RunAsync("contract-expiry", "digest", "notification-dispatch");
        Assert.Single(_smtp.Messages());

        _app.Clock.Now = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);
        await RunAsync("contract-expiry", "digest", "notification-dispatch");

        var digests = _smtp.Messages();
        Assert.Equal(["[ContractRegie] Weekoverzicht 02-03-2026: 1 signalering", "[ContractRegie] Weekoverzicht 09-03-2026: 1 signalering"],
            digests.Select(m => m.Subject));
        Assert.Contains($"/contracten/{second}", digests[1].TextBody);
        using var audit = await (await _app.CreateClientAsAsync(Role.Beheerder)).GetJsonAsync($"/api/v1/audit-entries?entity=user&actor={manager}");
        Assert.Contains("Weekly", audit.RootElement.GetProperty("items")[0].GetProperty("afterData").GetRawText());
    }

    [Fact]
    public async Task An_immediate_reader_gets_what_is_not_urgent_in_the_mail_of_the_run()
    {
        var manager = await CreateUserAsync(Role.Contractmanager);
        await ChooseAsync(manager, "Immediate");
        await ContractAsync(manager, null);
        await ContractAsync(manager, null);

        await RunAsync("contract-expiry", "digest", "notification-dispatch");

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("[ContractRegie] 2 signaleringen vragen uw aandacht", mail.Subject);
        // Two contracts in one mail: no single contract's thread.
        Assert.Null(mail.InReplyTo);
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }
}
