using System.Text.Json;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Demo;

namespace ContractRegie.Data.Tests.Demo;

public sealed class DemoRegisterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DemoRegister Register = DemoRegister.Generate(Today);

    [Fact]
    public void The_same_day_gives_the_same_register()
    {
        Assert.Equal(JsonSerializer.Serialize(Register), JsonSerializer.Serialize(DemoRegister.Generate(Today)));
    }

    [Fact]
    public void It_is_the_size_of_almelos_register_with_sixteen_ozjt_providers()
    {
        Assert.Equal(250, Register.Providers.Count);
        Assert.Equal(300, Register.Contracts.Count);
        Assert.Equal(16, Register.Providers.Count(p => p.OzjtTop16));
    }

    [Fact]
    public void Every_kind_and_every_law_occurs_and_local_contracts_are_the_most()
    {
        var byKind = Register.Contracts.GroupBy(c => c.Contract.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enum.GetValues<ContractKind>().Order(), byKind.Keys.Order());
        Assert.Equal(ContractKind.Lokaal, byKind.MaxBy(k => k.Value).Key);
        Assert.Equal(Enum.GetValues<Law>().Order(), Register.Contracts.Select(c => c.Contract.Law).Distinct().Order());
    }

    [Fact]
    public void Codes_and_numbers_are_unique_and_every_contract_names_a_provider()
    {
        Assert.Equal(250, Register.Providers.Select(p => p.AgbCode).Distinct().Count());
        Assert.Equal(300, Register.Contracts.Select(c => c.Contract.ContractNumber).Distinct().Count());
        var agbCodes = Register.Providers.Select(p => p.AgbCode).ToHashSet();
        Assert.All(Register.Contracts, c => Assert.Contains(c.ProviderAgbCode, agbCodes));
    }

    [Fact]
    public void Everything_passes_the_domain_rules()
    {
        Assert.All(Register.Providers, p => Assert.True(p.Validate().IsEmpty, p.Validate().ToString()));
        Assert.All(Register.Contracts, c =>
        {
            var errors = (c.Contract with { ProviderId = 1 }).Validate();
            Assert.True(errors.IsEmpty, c.Contract.ContractNumber + ": " + errors);
            Assert.All(c.Tariffs, t => Assert.True(t.Validate().IsEmpty, t.Validate().ToString()));
            Assert.NotEmpty(c.Tariffs);
            Assert.Equal(c.Tariffs.Count, c.Tariffs.Select(t => (t.ProductCategory, t.ProductCode, t.ValidFrom)).Distinct().Count());
            Assert.Equal(c.Budgets.Count, c.Budgets.Select(b => (b.Year, b.MunicipalityCode)).Distinct().Count());
        });
    }

    [Fact]
    public void Regional_contracts_are_for_the_fourteen_twente_municipalities_and_local_ones_for_almelo_and_hof_van_twente()
    {
        string[] twente = ["0141", "0147", "0153", "0158", "0163", "0164", "0168", "0173", "0183", "0189", "1700", "1735", "1742", "1774"];

        Assert.All(Register.Contracts.Where(c => c.Contract.Kind == ContractKind.RegionaalOzjt), c => Assert.Equal(twente, c.Contract.Municipalities));
        Assert.All(Register.Contracts.Where(c => c.Contract.Kind == ContractKind.Lokaal), c => Assert.Equal(["0141", "1735"], c.Contract.Municipalities));
        var ozjtAgbCodes = Register.Providers.Where(p => p.OzjtTop16).Select(p => p.AgbCode).ToHashSet();
        Assert.All(Register.Contracts.Where(c => c.Contract.Kind == ContractKind.RegionaalOzjt), c => Assert.Contains(c.ProviderAgbCode, ozjtAgbCodes));
    }

    [Fact]
    public void Terms_are_in_the_ranges_the_municipality_uses()
    {
        Assert.All(Register.Contracts.Select(c => c.Contract), c =>
        {
            Assert.InRange(c.NoticePeriodMonths, 3, 12);
            Assert.InRange(c.ProcurementLeadTimeMonths, 6, 18);
        });
        Assert.Contains(Register.Contracts, c => c.Contract.ExtensionOptions.Count >= 2);
        Assert.Contains(Register.Contracts, c => c.Contract.ExtensionOptions.Any(o => o.Exercised));
        Assert.Contains(Register.Contracts, c => c.Budgets.Count > 0);
        Assert.Contains(Register.Contracts, c => c.Agreements.Count == OutcomeAgreement.Defaults.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    public void Several_decisions_fall_due_within_each_horizon(int months)
    {
        var horizon = Today.AddMonths(months);

        var due = Register.Contracts.Count(c => c.Contract.KeyDates.DecisionDeadline is { } deadline && deadline >= Today && deadline <= horizon);

        Assert.InRange(due, 3, 150);
    }

    [Fact]
    public void A_few_contracts_have_run_past_their_end()
    {
        var pastEnd = Register.Contracts.Count(c => c.Contract.KeyDates.CurrentEnd < Today && c.Contract.Status == ContractStatus.Actief);

        Assert.InRange(pastEnd, 3, 30);
    }

    [Fact]
    public void Every_statement_and_measurement_is_valid_and_names_a_provider_or_contract_with_that_agreement()
    {
        var agbCodes = Register.Providers.Select(p => p.AgbCode).ToHashSet();
        var contracts = Register.Contracts.ToDictionary(c => c.Contract.ContractNumber);

        Assert.All(Register.Statements, s => Assert.True(s.Statement.Validate(Today).IsEmpty && agbCodes.Contains(s.ProviderAgbCode), s.ToString()));
        Assert.All(Register.Measurements, m => Assert.True(m.Measurement.ValidateAgainst(contracts[m.ContractNumber].Agreements, Today).IsEmpty, m.ToString()));
    }

    [Fact]
    public void The_monitoring_jobs_find_every_kind_of_problem_in_it_but_mostly_none()
    {
        var measurements = Register.Measurements.ToLookup(m => m.ContractNumber, m => m.Measurement);
        var calendar = new ReportingCalendar(Today, graceMonths: 1);
        var outcomeSignals = Register.Contracts
            .SelectMany(c => OutcomeMonitoringRules.Evaluate(c.Contract, c.Agreements, measurements[c.Contract.ContractNumber].ToList(), calendar))
            .GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        var levels = Register.Statements.GroupBy(s => s.ProviderAgbCode)
            .Select(g => FinancialStability.Assess(g.Select(s => s.Statement).ToList(), Today, new FinancialNorms()).Level)
            .GroupBy(level => level).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(outcomeSignals.GetValueOrDefault(SignalKind.OutcomeBelowNorm), 10, Register.Measurements.Count / 4);
        Assert.InRange(outcomeSignals.GetValueOrDefault(SignalKind.OutcomeReportMissing), 5, Register.Measurements.Count / 10);
        Assert.Equal(Enum.GetValues<RiskLevel>().Order(), levels.Keys.Order());
        Assert.True(levels[RiskLevel.Laag] > levels[RiskLevel.Verhoogd] + levels[RiskLevel.Hoog], string.Join(", ", levels));
    }
}
