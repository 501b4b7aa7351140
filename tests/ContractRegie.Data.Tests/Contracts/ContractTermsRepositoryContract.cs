using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Contracts;

/// <summary>What <see cref="ContractTermsRepository"/> promises on every engine: tariffs, budgets, outcome agreements.</summary>
public abstract class ContractTermsRepositoryContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private ContractTermsRepository Terms => new(Database, Audit, Positions);

    private async Task<long> NewContractAsync()
    {
        var providerId = await new ProviderRepository(Database, Audit).InsertAsync(TestData.Provider());
        return await new ContractRepository(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay)).InsertAsync(TestData.Contract(providerId));
    }

    [EngineFact]
    public async Task Tariff_line_round_trips_cents_dates_and_indexation()
    {
        var contractId = await NewContractAsync();
        var tariff = new TariffLine
        {
            ContractId = contractId,
            ProductCategory = "45",
            ProductCode = "45A08",
            Unit = TariffUnit.Uur,
            PriceCents = 6_543,
            ValidFrom = new DateOnly(2026, 1, 1),
            ValidTo = new DateOnly(2026, 12, 31),
            IndexationPercent = 3.25m,
        };

        var id = await Terms.InsertTariffAsync(tariff);
        var read = await Terms.ReadTariffAsync(contractId, id);

        Assert.Equal(new TariffLine
        {
            Id = id,
            ContractId = contractId,
            ProductCategory = "45",
            ProductCode = "45A08",
            Unit = TariffUnit.Uur,
            PriceCents = 6_543,
            ValidFrom = new DateOnly(2026, 1, 1),
            ValidTo = new DateOnly(2026, 12, 31),
            IndexationPercent = 3.25m,
            RowVersion = 1,
            UpdatedAt = WrittenAt,
        }, read);
    }

    [EngineFact]
    public async Task Tariff_lines_list_update_and_delete()
    {
        var contractId = await NewContractAsync();
        var later = await Terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "10", ProductCode = "10A01", Unit = TariffUnit.Dagdeel,
            PriceCents = 4_512, ValidFrom = new DateOnly(2027, 1, 1), ValidTo = null, IndexationPercent = 0m,
        });
        var earlier = await Terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "10", ProductCode = "10A01", Unit = TariffUnit.Dagdeel,
            PriceCents = 4_370, ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31), IndexationPercent = 3.25m,
        });
        var stay = await Terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "02", ProductCode = "02A05", Unit = TariffUnit.Etmaal,
            PriceCents = 2_199_500, ValidFrom = new DateOnly(2026, 1, 1), IndexationPercent = 12.3456m,
        });

        var listed = await Terms.ReadTariffsAsync(contractId);
        var changed = (await Terms.ReadTariffAsync(contractId, later))! with
        {
            Unit = TariffUnit.Week, PriceCents = 99_999_999_999, ValidTo = new DateOnly(2027, 12, 31), IndexationPercent = 1.5m,
        };
        var updated = await Terms.UpdateTariffAsync(changed);
        var afterUpdate = await Terms.ReadTariffAsync(contractId, later);
        var deleted = await Terms.DeleteTariffAsync(contractId, earlier, rowVersion: 1);
        var deletedAgain = await Terms.DeleteTariffAsync(contractId, earlier, rowVersion: 1);

        Assert.Equal([stay, earlier, later], listed.Select(t => t.Id));
        Assert.Equal([2_199_500L, 4_370L, 4_512L], listed.Select(t => t.PriceCents));
        Assert.Equal([12.3456m, 3.25m, 0m], listed.Select(t => t.IndexationPercent));
        Assert.Equal([null, new DateOnly(2026, 12, 31), null], listed.Select(t => t.ValidTo));
        Assert.Equal(WriteResult.Written, updated);
        Assert.Equal(new TariffLine
        {
            Id = later, ContractId = contractId, ProductCategory = "10", ProductCode = "10A01", Unit = TariffUnit.Week,
            PriceCents = 99_999_999_999, ValidFrom = new DateOnly(2027, 1, 1), ValidTo = new DateOnly(2027, 12, 31), IndexationPercent = 1.5m,
            RowVersion = 2, UpdatedAt = WrittenAt,
        }, afterUpdate);
        Assert.Equal(WriteResult.Written, deleted);
        Assert.Equal(WriteResult.NotFound, deletedAgain);
        Assert.Equal([stay, later], (await Terms.ReadTariffsAsync(contractId)).Select(t => t.Id));
    }

    [EngineFact]
    public async Task Tariff_id_is_found_by_product_and_valid_from()
    {
        var contractId = await NewContractAsync();
        var tariff = new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A08", Unit = TariffUnit.Uur,
            PriceCents = 6_543, ValidFrom = new DateOnly(2026, 1, 1),
        };
        var id = await Terms.InsertTariffAsync(tariff);

        Assert.Equal(id, await Terms.ReadTariffIdAsync(tariff with { PriceCents = 1 }));
        Assert.Null(await Terms.ReadTariffIdAsync(tariff with { ValidFrom = new DateOnly(2026, 1, 2) }));
        Assert.Null(await Terms.ReadTariffIdAsync(tariff with { ProductCode = "45A09" }));
    }

    [EngineFact]
    public async Task Terms_are_scoped_to_their_contract()
    {
        var contractId = await NewContractAsync();
        var otherContractId = await NewContractAsync();
        var tariffId = await Terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A08", Unit = TariffUnit.Uur,
            PriceCents = 6_543, ValidFrom = new DateOnly(2026, 1, 1),
        });
        var budgetId = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 100 });
        var agreementId = await Terms.InsertAgreementAsync(new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Doelrealisatie", Norm = 75m, Direction = NormDirection.AtLeast, Unit = "%",
            Frequency = ReportingFrequency.Halfjaar,
        });

        Assert.Null(await Terms.ReadTariffAsync(otherContractId, tariffId));
        Assert.Null(await Terms.ReadBudgetAsync(otherContractId, budgetId));
        Assert.Null(await Terms.ReadAgreementAsync(otherContractId, agreementId));
        Assert.Equal(WriteResult.NotFound, await Terms.DeleteTariffAsync(otherContractId, tariffId, 1));
        Assert.Equal(WriteResult.NotFound, await Terms.DeleteBudgetAsync(otherContractId, budgetId, 1));
        Assert.Equal(WriteResult.NotFound, await Terms.DeleteAgreementAsync(otherContractId, agreementId, 1));
        Assert.Equal(WriteResult.NotFound, await Terms.UpdateBudgetAsync(
            new BudgetCeiling { Id = budgetId, ContractId = otherContractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 1, RowVersion = 1 }));
        Assert.Empty(await Terms.ReadTariffsAsync(otherContractId));
        Assert.Equal(100, (await Terms.ReadBudgetAsync(contractId, budgetId))!.AmountCents);
        Assert.NotNull(await Terms.ReadTariffAsync(contractId, tariffId));
        Assert.NotNull(await Terms.ReadAgreementAsync(contractId, agreementId));
    }

    [EngineFact]
    public async Task Duplicate_tariff_for_the_same_product_and_date_throws_a_DbException()
    {
        var contractId = await NewContractAsync();
        var tariff = new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A08", Unit = TariffUnit.Uur,
            PriceCents = 6_543, ValidFrom = new DateOnly(2026, 1, 1),
        };
        await Terms.InsertTariffAsync(tariff);

        await Assert.ThrowsAnyAsync<DbException>(() => Terms.InsertTariffAsync(tariff with { PriceCents = 7_000 }));
    }

    [EngineFact]
    public async Task Tariff_for_an_unknown_contract_throws_a_DbException()
    {
        var tariff = new TariffLine
        {
            ContractId = 987_654_321, ProductCategory = "45", ProductCode = "45A08", Unit = TariffUnit.Uur,
            PriceCents = 6_543, ValidFrom = new DateOnly(2026, 1, 1),
        };

        await Assert.ThrowsAnyAsync<DbException>(() => Terms.InsertTariffAsync(tariff));
    }

    [EngineFact]
    public async Task Budget_ceilings_round_trip_cents_beyond_int_and_list_update_delete()
    {
        var contractId = await NewContractAsync();
        var hof = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "1735", AmountCents = 75_000_000 });
        var almelo2027 = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2027, MunicipalityCode = "0141", AmountCents = 1 });
        var almelo = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 12_345_678_901 });

        var read = await Terms.ReadBudgetAsync(contractId, almelo);
        var listed = await Terms.ReadBudgetsAsync(contractId);
        var updated = await Terms.UpdateBudgetAsync(
            new BudgetCeiling { Id = hof, ContractId = contractId, Year = 2028, MunicipalityCode = "0153", AmountCents = 9_007_199_254_740_993, RowVersion = 1 });
        var afterUpdate = await Terms.ReadBudgetAsync(contractId, hof);
        var deleted = await Terms.DeleteBudgetAsync(contractId, almelo2027, rowVersion: 1);

        Assert.Equal(new BudgetCeiling { Id = almelo, ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 12_345_678_901, RowVersion = 1, UpdatedAt = WrittenAt }, read);
        Assert.Equal([almelo, hof, almelo2027], listed.Select(b => b.Id));
        Assert.Equal(WriteResult.Written, updated);
        Assert.Equal(new BudgetCeiling { Id = hof, ContractId = contractId, Year = 2028, MunicipalityCode = "0153", AmountCents = 9_007_199_254_740_993, RowVersion = 2, UpdatedAt = WrittenAt }, afterUpdate);
        Assert.Equal(WriteResult.Written, deleted);
        Assert.Equal([almelo, hof], (await Terms.ReadBudgetsAsync(contractId)).Select(b => b.Id));
    }

    [EngineFact]
    public async Task Duplicate_budget_for_the_same_year_and_municipality_throws_a_DbException()
    {
        var contractId = await NewContractAsync();
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 100 });

        await Assert.ThrowsAnyAsync<DbException>(() =>
            Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 200 }));
    }

    [EngineFact]
    public async Task Outcome_agreements_round_trip_decimals_and_list_update_delete()
    {
        var contractId = await NewContractAsync();
        var satisfaction = await Terms.InsertAgreementAsync(new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Cliënttevredenheid", Norm = 7.5m, Direction = NormDirection.AtLeast,
            Unit = "score", Frequency = ReportingFrequency.Jaar, Tolerance = 0.25m,
        });
        var waiting = await Terms.InsertAgreementAsync(new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Wachttijd tot start zorg", Norm = 42m, Direction = NormDirection.AtMost,
            Unit = "dagen", Frequency = ReportingFrequency.Kwartaal,
        });
        var planned = await Terms.InsertAgreementAsync(new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Beëindigd volgens plan", Norm = 80m, Direction = NormDirection.AtLeast,
            Unit = "%", Frequency = ReportingFrequency.Halfjaar, Tolerance = 2.5m,
        });

        var read = await Terms.ReadAgreementAsync(contractId, satisfaction);
        var listed = await Terms.ReadAgreementsAsync(contractId);
        var updated = await Terms.UpdateAgreementAsync(new OutcomeAgreement
        {
            Id = waiting, ContractId = contractId, Indicator = "Wachttijd tot start zorg", Norm = 35.125m, Direction = NormDirection.AtMost,
            Unit = "werkdagen", Frequency = ReportingFrequency.Halfjaar, Tolerance = 1.0001m, RowVersion = 1,
        });
        var afterUpdate = await Terms.ReadAgreementAsync(contractId, waiting);
        var deleted = await Terms.DeleteAgreementAsync(contractId, planned, rowVersion: 1);

        Assert.Equal(new OutcomeAgreement
        {
            Id = satisfaction, ContractId = contractId, Indicator = "Cliënttevredenheid", Norm = 7.5m, Direction = NormDirection.AtLeast,
            Unit = "score", Frequency = ReportingFrequency.Jaar, Tolerance = 0.25m, RowVersion = 1, UpdatedAt = WrittenAt,
        }, read);
        Assert.Equal([planned, satisfaction, waiting], listed.Select(a => a.Id));
        Assert.Equal(WriteResult.Written, updated);
        Assert.Equal(new OutcomeAgreement
        {
            Id = waiting, ContractId = contractId, Indicator = "Wachttijd tot start zorg", Norm = 35.125m, Direction = NormDirection.AtMost,
            Unit = "werkdagen", Frequency = ReportingFrequency.Halfjaar, Tolerance = 1.0001m, RowVersion = 2, UpdatedAt = WrittenAt,
        }, afterUpdate);
        Assert.Equal(WriteResult.Written, deleted);
        Assert.Equal([satisfaction, waiting], (await Terms.ReadAgreementsAsync(contractId)).Select(a => a.Id));
    }

    [EngineFact]
    public async Task Duplicate_outcome_indicator_on_a_contract_throws_a_DbException()
    {
        var contractId = await NewContractAsync();
        var agreement = new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Doelrealisatie", Norm = 75m, Direction = NormDirection.AtLeast, Unit = "%",
            Frequency = ReportingFrequency.Halfjaar,
        };
        await Terms.InsertAgreementAsync(agreement);

        await Assert.ThrowsAnyAsync<DbException>(() => Terms.InsertAgreementAsync(agreement with { Norm = 80m }));
    }
}
