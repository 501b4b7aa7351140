using Dapper;
using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Sql.Contracts;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Contracts;

/// <summary>What <see cref="ContractRepository"/> promises on every engine.</summary>
public abstract class ContractRepositoryContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly IReadOnlyList<string> NoMunicipalities = [];
    private static readonly IReadOnlyList<ExtensionOption> NoOptions = [];

    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private ProviderRepository Providers => new(Database, Audit);

    private Task<long> NewProviderAsync(string? name = null) => Providers.InsertAsync(TestData.Provider(name));

    /// <summary>
    /// Record equality compares the lists by reference, so they are compared apart. The provider's name is only
    /// read (see <see cref="Contracts_carry_their_providers_name"/>). Every write here happens at <see cref="EngineTests{T}.WrittenAt"/>.
    /// </summary>
    private static void AssertSameContract(Contract expected, Contract? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Municipalities = NoMunicipalities, ExtensionOptions = NoOptions, ProviderName = null, UpdatedAt = WrittenAt },
            actual with { Municipalities = NoMunicipalities, ExtensionOptions = NoOptions, ProviderName = null });
        Assert.Equal(expected.Municipalities, actual.Municipalities);
        Assert.Equal(expected.ExtensionOptions, actual.ExtensionOptions);
    }

    [EngineFact]
    public async Task Contracts_carry_their_providers_name()
    {
        var name = "Stichting Leeuwerik " + Unique.Token();
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync(name)));

        Assert.Equal(name, (await Contracts.ReadByIdAsync(id))!.ProviderName);
    }

    /// <summary>
    /// Enums are text columns holding the member's name, which reports and other tools read; a parameter is sent by name
    /// and a value read alone is parsed from it (Dapper would send the number and fail on the single value by itself).
    /// </summary>
    [EngineFact]
    public async Task Enums_are_written_compared_and_read_by_their_names()
    {
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync()) with { Kind = ContractKind.RegionaalOzjt, Law = Law.Jeugdwet });
        await using var connection = await Database.OpenAsync();

        Assert.Equal("RegionaalOzjt", await connection.QuerySingleAsync<string>("SELECT kind FROM contract WHERE id = @Id", new { Id = id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM contract WHERE id = @Id AND law = @Law", new { Id = id, Law = Law.Jeugdwet }));
        Assert.Equal(Law.Jeugdwet, await connection.QuerySingleAsync<Law>("SELECT law FROM contract WHERE id = @Id", new { Id = id }));
        Assert.Equal(ContractKind.RegionaalOzjt, await connection.QuerySingleAsync<ContractKind?>("SELECT kind FROM contract WHERE id = @Id", new { Id = id }));
    }

    /// <summary>The register read by key a chunk at a time: every contract once, each with its own children, whatever chunk it falls in.</summary>
    [EngineFact]
    public async Task Chunks_hold_every_contract_once_with_its_own_municipalities_and_options()
    {
        var providerId = await NewProviderAsync();
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await Contracts.InsertAsync(TestData.Contract(providerId) with
            {
                Municipalities = i % 2 == 0 ? ["0141", "1735"] : ["0153"],
                ExtensionOptions = [.. Enumerable.Range(1, i % 3).Select(sequence => new ExtensionOption(sequence, 6 * i, false))],
            }));
        }

        var chunks = await Database.InTransactionAsync(async tx =>
        {
            var read = new List<Page<Contract>>();
            await foreach (var chunk in Contracts.ReadInChunksAsync(2, tx))
            {
                read.Add(chunk);
            }
            return read;
        });

        var all = chunks.SelectMany(c => c.Items).ToList();
        Assert.All(chunks, chunk => Assert.Equal(all.Count, chunk.TotalCount));
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
        foreach (var id in ids)
        {
            AssertSameContract(await Contracts.ReadByIdAsync(id) ?? throw new InvalidOperationException("contract gone"), all.Single(c => c.Id == id));
        }
        Assert.Equal(all.Select(c => c.Id).Order(), (await Contracts.ReadAllAsync()).Select(c => c.Id));
    }

    [EngineFact]
    public async Task Insert_then_read_by_id_returns_every_field_with_municipalities_and_options()
    {
        var providerId = await NewProviderAsync();
        var number = "2024-JW-" + Unique.Token();
        var contract = new Contract
        {
            ContractNumber = number,
            Title = "Jeugdhulp met verblijf",
            ProviderId = providerId,
            Kind = ContractKind.RegionaalOzjt,
            Law = Law.Jeugdwet,
            ProcurementRoute = ProcurementRoute.SocialeEnAndereSpecifiekeDiensten,
            Municipalities = ["0141", "1735"],
            StartDate = new DateOnly(2024, 1, 1),
            InitialEndDate = new DateOnly(2025, 12, 31),
            ExtensionOptions = [new(1, 12, true), new(2, 24, false)],
            NoticePeriodMonths = 6,
            ProcurementLeadTimeMonths = 9,
            ContractOwner = "wethouder Zorg",
            ContractManager = "j.jansen",
            TactischInkoper = "k.klaassen",
            Status = ContractStatus.Actief,
        };

        var id = await Contracts.InsertAsync(contract);
        var read = await Contracts.ReadByIdAsync(id);

        Assert.True(id > 0);
        AssertSameContract(new Contract
        {
            Id = id,
            ContractNumber = number,
            Title = "Jeugdhulp met verblijf",
            ProviderId = providerId,
            Kind = ContractKind.RegionaalOzjt,
            Law = Law.Jeugdwet,
            ProcurementRoute = ProcurementRoute.SocialeEnAndereSpecifiekeDiensten,
            Municipalities = ["0141", "1735"],
            StartDate = new DateOnly(2024, 1, 1),
            InitialEndDate = new DateOnly(2025, 12, 31),
            ExtensionOptions = [new(1, 12, true), new(2, 24, false)],
            NoticePeriodMonths = 6,
            ProcurementLeadTimeMonths = 9,
            ContractOwner = "wethouder Zorg",
            ContractManager = "j.jansen",
            TactischInkoper = "k.klaassen",
            Status = ContractStatus.Actief,
            LatestDecision = null,
            RowVersion = 1,
        }, read);
        Assert.Equal(new DateOnly(2026, 12, 31), read!.KeyDates.CurrentEnd);
        Assert.Equal(new DateOnly(2028, 12, 31), read.KeyDates.MaximumEnd);
        Assert.Equal(new DateOnly(2026, 3, 31), read.KeyDates.DecisionDeadline); // the 9 months' lead time comes before the 6 months' notice
        Assert.Equal(DecisionDeadlineBasis.ProcurementLeadTime, read.KeyDates.DecisionDeadlineSetBy);
    }

    [EngineFact]
    public async Task Optional_fields_and_empty_children_round_trip()
    {
        var providerId = await NewProviderAsync();
        var contract = TestData.Contract(providerId) with
        {
            Municipalities = [],
            ExtensionOptions = [],
            ContractOwner = null,
            ContractManager = null,
            TactischInkoper = null,
            Status = ContractStatus.Concept,
        };

        var id = await Contracts.InsertAsync(contract);

        AssertSameContract(contract with { Id = id, RowVersion = 1 }, await Contracts.ReadByIdAsync(id));
    }

    [EngineFact]
    public async Task Read_unknown_id_gives_null()
    {
        Assert.Null(await Contracts.ReadByIdAsync(987_654_321));
    }

    [EngineFact]
    public async Task Read_id_by_number_finds_the_contract()
    {
        var contract = TestData.Contract(await NewProviderAsync());
        var id = await Contracts.InsertAsync(contract);

        Assert.Equal(id, await Contracts.ReadIdByNumberAsync(contract.ContractNumber));
        Assert.Null(await Contracts.ReadIdByNumberAsync("bestaat-niet-" + Unique.Token()));
    }

    [EngineFact]
    public async Task Update_changes_the_fields_and_replaces_municipalities_and_options()
    {
        var firstProvider = await NewProviderAsync();
        var secondProvider = await NewProviderAsync();
        var original = TestData.Contract(firstProvider) with
        {
            Municipalities = ["0141", "1735"],
            ExtensionOptions = [new(1, 12, false), new(2, 12, false), new(3, 6, false)],
        };
        var id = await Contracts.InsertAsync(original);
        var number = "2025-WMO-" + Unique.Token();
        var changed = new Contract
        {
            Id = id,
            RowVersion = 1,
            ContractNumber = number,
            Title = "Huishoudelijke ondersteuning",
            ProviderId = secondProvider,
            Kind = ContractKind.Maatwerk,
            Law = Law.Participatiewet,
            ProcurementRoute = ProcurementRoute.EnkelvoudigOnderhands,
            Municipalities = ["1735", "0153"],
            StartDate = new DateOnly(2025, 2, 1),
            InitialEndDate = new DateOnly(2027, 1, 31),
            ExtensionOptions = [new(1, 24, true)],
            NoticePeriodMonths = 3,
            ProcurementLeadTimeMonths = 12,
            ContractOwner = "directeur Sociaal Domein",
            ContractManager = "a.de.vries",
            TactischInkoper = "b.bakker",
            Status = ContractStatus.Concept, // a status the dates cannot overrule
        };

        var updated = await Contracts.UpdateAsync(changed);
        var read = await Contracts.ReadByIdAsync(id);

        Assert.Equal(WriteResult.Written, updated);
        // Municipalities are read back in code order.
        AssertSameContract(changed with { Municipalities = ["0153", "1735"], RowVersion = 2 }, read);
        Assert.Equal(["0153", "1735"], read!.Municipalities);
        Assert.Equal([new ExtensionOption(1, 24, true)], read.ExtensionOptions);
    }

    [EngineFact]
    public async Task The_status_is_read_as_the_dates_make_it_on_the_day_of_reading()
    {
        // Read on 1 June 2025: a contract that ended 31 May 2025 without a decision is Verlopen, whatever was stored.
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        var ended = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractManager = tag, StartDate = new DateOnly(2024, 6, 1), InitialEndDate = new DateOnly(2025, 5, 31), Status = ContractStatus.Actief,
        });
        var running = await Contracts.InsertAsync(TestData.Contract(providerId) with { ContractManager = tag, Status = ContractStatus.Verlopen });

        Assert.Equal(ContractStatus.Verlopen, (await Contracts.ReadByIdAsync(ended))!.Status);
        Assert.Equal(ContractStatus.Actief, (await Contracts.ReadByIdAsync(running))!.Status);
        var expired = await Contracts.SearchAsync(new ContractFilter { ContractManager = tag, Status = ContractStatus.Verlopen }, new PageRequest(1, 50));
        Assert.Equal([ended], expired.Items.Select(c => c.Id));
        Assert.Equal(1, expired.TotalCount);
    }

    [EngineFact]
    public async Task The_status_filters_in_sql_agree_with_the_status_the_domain_computes_for_every_kind_of_contract()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        var ids = new List<long>();
        foreach (var stored in Enum.GetValues<ContractStatus>())
        {
            foreach (var end in new[] { new DateOnly(2020, 12, 31), new DateOnly(2030, 12, 31) })
            {
                foreach (var decision in new[] { null, "Verlengen", "OpnieuwAanbesteden", "Beeindigen" })
                {
                    var id = await Contracts.InsertAsync(TestData.Contract(providerId) with
                    {
                        ContractNumber = $"{tag}-{ids.Count:D2}", ContractManager = tag, StartDate = new DateOnly(2019, 1, 1), InitialEndDate = end,
                        ExtensionOptions = [], Status = stored,
                    });
                    await using (var connection = await Database.OpenAsync())
                    {
                        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE contract SET latest_decision = @Decision WHERE id = @Id", new { Decision = decision, Id = id });
                    }
                    ids.Add(id);
                }
            }
        }
        var computed = new Dictionary<long, ContractStatus>();
        foreach (var id in ids)
        {
            computed[id] = (await Contracts.ReadByIdAsync(id))!.Status;
        }
        var mine = new ContractFilter { ContractManager = tag };

        foreach (var status in Enum.GetValues<ContractStatus>())
        {
            var found = await Contracts.SearchAsync(mine with { Status = status }, new PageRequest(1, 100));
            Assert.Equal(ids.Where(id => computed[id] == status).Order(), found.Items.Select(c => c.Id).Order());
        }
        var notEnded = await Contracts.SearchAsync(mine with { WithoutEnded = true }, new PageRequest(1, 100));
        Assert.Equal(ids.Where(id => computed[id] != ContractStatus.Beeindigd).Order(), notEnded.Items.Select(c => c.Id).Order());
        // Every status occurs, so no filter passes by finding nothing.
        Assert.Equal(Enum.GetValues<ContractStatus>().Order(), computed.Values.Distinct().Order());
    }

    [EngineFact]
    public async Task Update_of_unknown_id_returns_false()
    {
        var contract = TestData.Contract(await NewProviderAsync()) with { Id = 987_654_321, ExtensionOptions = [new(1, 12, false)] };

        Assert.Equal(WriteResult.NotFound, await Contracts.UpdateAsync(contract));
    }

    [EngineFact]
    public async Task Insert_with_unknown_provider_throws_a_DbException()
    {
        var contract = TestData.Contract(providerId: 987_654_321);

        await Assert.ThrowsAnyAsync<DbException>(() => Contracts.InsertAsync(contract));
        Assert.Null(await Contracts.ReadIdByNumberAsync(contract.ContractNumber));
    }

    [EngineFact]
    public async Task Deleting_a_provider_that_has_contracts_throws_a_DbException()
    {
        var providerId = await NewProviderAsync();
        await Contracts.InsertAsync(TestData.Contract(providerId));

        await Assert.ThrowsAnyAsync<DbException>(() => Providers.DeleteAsync(providerId, rowVersion: 1));
        Assert.NotNull(await Providers.ReadByIdAsync(providerId));
    }

    [EngineFact]
    public async Task Duplicate_contract_number_throws_a_DbException()
    {
        var providerId = await NewProviderAsync();
        var first = TestData.Contract(providerId);
        await Contracts.InsertAsync(first);

        await Assert.ThrowsAnyAsync<DbException>(() => Contracts.InsertAsync(TestData.Contract(providerId) with { ContractNumber = first.ContractNumber }));
    }

    [EngineFact]
    public async Task Insert_with_duplicate_municipality_throws_and_leaves_no_contract()
    {
        var contract = TestData.Contract(await NewProviderAsync()) with { Municipalities = ["0141", "0141"] };

        await Assert.ThrowsAnyAsync<DbException>(() => Contracts.InsertAsync(contract));
        Assert.Null(await Contracts.ReadIdByNumberAsync(contract.ContractNumber));
    }

    [EngineFact]
    public async Task Writes_in_an_outer_transaction_are_rolled_back_with_it()
    {
        var provider = TestData.Provider();
        var contractNumber = "C-" + Unique.Token();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.InTransactionAsync<long>(async tx =>
        {
            var providerId = await Providers.InsertAsync(provider, tx);
            await Contracts.InsertAsync(TestData.Contract(providerId) with { ContractNumber = contractNumber }, tx);
            Assert.NotNull(await Contracts.ReadIdByNumberAsync(contractNumber, tx));
            throw new InvalidOperationException("import failed halfway");
        }));

        Assert.Null(await Providers.ReadByAgbCodeAsync(provider.AgbCode));
        Assert.Null(await Contracts.ReadIdByNumberAsync(contractNumber));
    }

    [EngineFact]
    public async Task Search_filters_on_kind_law_status_provider_contract_manager_and_text()
    {
        var tag = Unique.Token();
        var plain = await NewProviderAsync("Thuiszorg Twente");
        var sunny = await NewProviderAsync("Jeugdhulp Zonnestraal " + tag);
        var a = await Contracts.InsertAsync(TestData.Contract(plain) with
        {
            ContractNumber = tag + "-A", Title = "Huishoudelijke ondersteuning", Kind = ContractKind.Lokaal, Law = Law.Wmo,
            Status = ContractStatus.Actief, ContractManager = tag,
        });
        var b = await Contracts.InsertAsync(TestData.Contract(sunny) with
        {
            ContractNumber = tag + "-B", Title = "Crisiszorg", Kind = ContractKind.RegionaalOzjt, Law = Law.Jeugdwet,
            Status = ContractStatus.Actief, ContractManager = tag,
        });
        var c = await Contracts.InsertAsync(TestData.Contract(plain) with
        {
            ContractNumber = tag + "-C", Title = "Dyslexiezorg", Kind = ContractKind.Landelijk, Law = Law.Jeugdwet,
            Status = ContractStatus.Concept, ContractManager = tag,
        });
        var d = await Contracts.InsertAsync(TestData.Contract(sunny) with
        {
            ContractNumber = tag + "-D", Title = "Beschut werk", Kind = ContractKind.Maatwerk, Law = Law.Participatiewet,
            Status = ContractStatus.Verlopen, ContractManager = tag,
        });
        var otherManager = await Contracts.InsertAsync(TestData.Contract(sunny) with { ContractNumber = tag + "-X", ContractManager = Unique.Token() });

        async Task<long[]> Ids(ContractFilter filter) =>
            (await Contracts.SearchAsync(filter, new PageRequest(1, 50))).Items.Select(x => x.Id).ToArray();
        var mine = new ContractFilter { ContractManager = tag };

        Assert.Equal([a, b, c, d], await Ids(mine));
        Assert.Equal([b], await Ids(mine with { Kind = ContractKind.RegionaalOzjt }));
        Assert.Equal([b, c], await Ids(mine with { Law = Law.Jeugdwet }));
        Assert.Equal([c], await Ids(mine with { Status = ContractStatus.Concept }));
        Assert.Equal([b, d, otherManager], await Ids(new ContractFilter { ProviderId = sunny }));
        Assert.Equal([b, d], await Ids(mine with { ProviderId = sunny }));
        Assert.Equal([b], await Ids(mine with { Text = "CRISIS" }));
        Assert.Equal([d], await Ids(mine with { Text = tag + "-d" }));
        Assert.Equal([b, d], await Ids(mine with { Text = "zonnestraal " + tag }));
        Assert.Equal([b, d, otherManager], await Ids(new ContractFilter { Text = "zonnestraal " + tag }));
        Assert.Equal([b], await Ids(mine with { Law = Law.Jeugdwet, Status = ContractStatus.Actief, Text = "zorg" }));
        Assert.Empty(await Ids(mine with { Text = "%" }));
        Assert.Empty(await Ids(new ContractFilter { ContractManager = Unique.Token() }));
    }

    [EngineFact]
    public async Task A_name_shared_by_a_hundred_providers_finds_their_contracts_and_a_renamed_provider_is_found_by_its_new_name()
    {
        var tag = Unique.Token();
        var named = new List<long>();
        for (var i = 0; i <= 100; i++)
        {
            named.Add(await NewProviderAsync($"Stichting {tag} {i:D3}"));
        }
        var other = await NewProviderAsync();
        var byName = await Contracts.InsertAsync(TestData.Contract(named[^1]) with { ContractNumber = tag + "-N" });
        var byTitle = await Contracts.InsertAsync(TestData.Contract(other) with { ContractNumber = tag + "-T", Title = "Begeleiding Stichting " + tag });
        await Contracts.InsertAsync(TestData.Contract(other) with { ContractNumber = tag + "-X" });

        var found = await Contracts.SearchAsync(new ContractFilter { Text = "stichting " + tag }, new PageRequest(1, 10));
        var firstOfTwo = await Contracts.SearchAsync(new ContractFilter { Text = "stichting " + tag }, new PageRequest(1, 1));

        Assert.Equal([byName, byTitle], found.Items.Select(c => c.Id));
        Assert.Equal((2, true), (firstOfTwo.TotalCount, firstOfTwo.TotalIsExact));

        var renamed = (await Providers.ReadByIdAsync(named[^1]))! with { Name = "Zorgcoöperatie " + tag };
        Assert.Equal(WriteResult.Written, await Providers.UpdateAsync(renamed));

        Assert.Equal([byTitle], (await Contracts.SearchAsync(new ContractFilter { Text = "stichting " + tag }, new PageRequest(1, 10))).Items.Select(c => c.Id));
        Assert.Equal([byName], (await Contracts.SearchAsync(new ContractFilter { Text = "zorgcoöperatie " + tag }, new PageRequest(1, 10))).Items.Select(c => c.Id));
    }

    [EngineFact]
    public async Task Search_filters_on_the_planners_inkoper_route_and_municipality_and_can_leave_out_ended_contracts()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        var a = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-A", ContractManager = tag, TactischInkoper = tag + "-inkoper", ProcurementRoute = ProcurementRoute.OpenbareProcedure, Municipalities = ["0141", "1735"],
        });
        var b = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-B", ContractManager = tag, TactischInkoper = tag + "-inkoper", ProcurementRoute = ProcurementRoute.OpenHouse,
            Municipalities = ["0153"],
        });
        var ended = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-C", ContractManager = tag, ProcurementRoute = ProcurementRoute.OpenHouse, Municipalities = ["1735"],
            Status = ContractStatus.Beeindigd,
        });

        async Task<long[]> Ids(ContractFilter filter) =>
            (await Contracts.SearchAsync(filter, new PageRequest(1, 50))).Items.Select(x => x.Id).ToArray();
        var mine = new ContractFilter { ContractManager = tag };

        Assert.Equal([a, b], await Ids(mine with { TactischInkoper = tag + "-inkoper" }));
        Assert.Equal([b, ended], await Ids(mine with { ProcurementRoute = ProcurementRoute.OpenHouse }));
        Assert.Equal([a, ended], await Ids(mine with { MunicipalityCode = "1735" }));
        Assert.Equal([a], await Ids(mine with { MunicipalityCode = "1735", WithoutEnded = true }));
        Assert.Equal([a, b], await Ids(mine with { WithoutEnded = true }));
        Assert.Empty(await Ids(mine with { MunicipalityCode = "0189" }));
    }

    [EngineFact]
    public async Task Search_returns_contracts_with_their_municipalities_and_options()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        var first = TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-1", ContractManager = tag, Municipalities = ["0141", "1735"],
            ExtensionOptions = [new(1, 12, true), new(2, 12, false)],
        };
        var second = TestData.Contract(providerId) with { ContractNumber = tag + "-2", ContractManager = tag, Municipalities = ["0153"] };
        var firstId = await Contracts.InsertAsync(first);
        var secondId = await Contracts.InsertAsync(second);

        var page = await Contracts.SearchAsync(new ContractFilter { ContractManager = tag }, new PageRequest(1, 10));

        Assert.Equal(2, page.Items.Count);
        AssertSameContract(first with { Id = firstId, RowVersion = 1 }, page.Items[0]);
        AssertSameContract(second with { Id = secondId, RowVersion = 1 }, page.Items[1]);
    }

    [EngineFact]
    public async Task Search_filters_on_decision_due_before_and_ends_before()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        // Current end 31-12-2026, decision due 30-06-2026 (6 months notice, an option left).
        var e = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-E", ContractManager = tag, InitialEndDate = new DateOnly(2026, 12, 31), NoticePeriodMonths = 6,
            ExtensionOptions = [new(1, 12, false)],
        });
        // Current end 30-06-2027, no option: no decision due.
        var f = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-F", ContractManager = tag, InitialEndDate = new DateOnly(2027, 6, 30), NoticePeriodMonths = 6,
            ExtensionOptions = [],
        });
        // Current end 31-12-2026 after one exercised option, decision on the second due 30-09-2026 (3 months notice and lead time).
        var g = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-G", ContractManager = tag, InitialEndDate = new DateOnly(2025, 12, 31), NoticePeriodMonths = 3,
            ProcurementLeadTimeMonths = 3,
            ExtensionOptions = [new(1, 12, true), new(2, 12, false)],
        });

        async Task<long[]> Ids(ContractFilter filter) =>
            (await Contracts.SearchAsync(filter with { ContractManager = tag }, new PageRequest(1, 50))).Items.Select(x => x.Id).ToArray();

        Assert.Equal([e, f, g], await Ids(new ContractFilter()));
        Assert.Empty(await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2026, 6, 30) }));
        Assert.Equal([e], await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2026, 7, 1) }));
        Assert.Equal([e, g], await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2026, 10, 1) }));
        Assert.Empty(await Ids(new ContractFilter { EndsBefore = new DateOnly(2026, 12, 31) }));
        Assert.Equal([e, g], await Ids(new ContractFilter { EndsBefore = new DateOnly(2027, 1, 1) }));
        Assert.Equal([e, f, g], await Ids(new ContractFilter { EndsBefore = new DateOnly(2027, 7, 1) }));
        Assert.Equal([g], await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2026, 10, 1), EndsBefore = new DateOnly(2027, 1, 1), Text = tag + "-g" }));
    }

    [EngineFact]
    public async Task Search_pages_in_contract_number_order_with_the_total_count_after_date_filters()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        var ids = new Dictionary<string, long>();
        foreach (var (suffix, end) in new[]
                 {
                     ("5", new DateOnly(2026, 12, 31)), ("2", new DateOnly(2030, 12, 31)), ("4", new DateOnly(2026, 12, 31)),
                     ("1", new DateOnly(2026, 12, 31)), ("3", new DateOnly(2026, 12, 31)),
                 })
        {
            ids[suffix] = await Contracts.InsertAsync(TestData.Contract(providerId) with
            {
                ContractNumber = tag + "-" + suffix, ContractManager = tag, InitialEndDate = end,
            });
        }
        var all = new ContractFilter { ContractManager = tag };
        var endingSoon = all with { EndsBefore = new DateOnly(2027, 1, 1) };

        var first = await Contracts.SearchAsync(all, new PageRequest(1, 2));
        var second = await Contracts.SearchAsync(all, new PageRequest(2, 2));
        var third = await Contracts.SearchAsync(all, new PageRequest(3, 2));
        var soonSecond = await Contracts.SearchAsync(endingSoon, new PageRequest(2, 2));

        Assert.Equal([ids["1"], ids["2"]], first.Items.Select(x => x.Id));
        Assert.Equal([ids["3"], ids["4"]], second.Items.Select(x => x.Id));
        Assert.Equal([ids["5"]], third.Items.Select(x => x.Id));
        Assert.Equal((5, 5, 5), (first.TotalCount, second.TotalCount, third.TotalCount));
        Assert.Equal([ids["4"], ids["5"]], soonSecond.Items.Select(x => x.Id));
        Assert.Equal(4, soonSecond.TotalCount);
    }

    [EngineFact]
    public async Task A_search_matching_more_than_it_counts_says_more_than_and_still_pages_to_the_end()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        const int matches = ContractRepository.CountedMatches + 1;
        await Database.InTransactionAsync(async tx =>
        {
            for (var i = 0; i < matches; i++)
            {
                // One Jeugdwet contract, so a filter on the Wmo leaves exactly as many as are counted.
                await Contracts.InsertAsync(TestData.Contract(providerId) with
                {
                    ContractNumber = $"{tag}-{i:D4}", ContractManager = tag, Law = i == 7 ? Law.Jeugdwet : Law.Wmo,
                }, tx);
            }
        });
        var all = new ContractFilter { ContractManager = tag };

        var first = await Contracts.SearchAsync(all, new PageRequest(1, 50));
        var lastFull = await Contracts.SearchAsync(all, new PageRequest(20, 50));
        var end = await Contracts.SearchAsync(all, new PageRequest(21, 50));
        var wmo = await Contracts.SearchAsync(all with { Law = Law.Wmo }, new PageRequest(1, 50));
        // The numbers hold the tag: a text search matches them all, and counts less far.
        var text = await Contracts.SearchAsync(new ContractFilter { Text = tag }, new PageRequest(1, 50));
        var textFurther = await Contracts.SearchAsync(new ContractFilter { Text = tag }, new PageRequest(7, 50));

        Assert.Equal((false, ContractRepository.CountedMatches, true), (first.TotalIsExact, first.TotalCount, first.HasNext));
        Assert.Equal((false, true), (lastFull.TotalIsExact, lastFull.HasNext));
        Assert.Equal($"{tag}-0999", lastFull.Items[^1].ContractNumber);
        Assert.Equal((true, matches, false), (end.TotalIsExact, end.TotalCount, end.HasNext));
        Assert.Equal([$"{tag}-1000"], end.Items.Select(c => c.ContractNumber));
        Assert.Equal((true, ContractRepository.CountedMatches, 20), (wmo.TotalIsExact, wmo.TotalCount, wmo.TotalPages));
        Assert.Equal((false, ContractRepository.CountedTextMatches, true), (text.TotalIsExact, text.TotalCount, text.HasNext));
        // Past what a text search counts, to the end of the page asked for.
        Assert.Equal((false, 7 * 50, $"{tag}-0300"), (textFurther.TotalIsExact, textFurther.TotalCount, textFurther.Items[0].ContractNumber));
    }

    [EngineFact]
    public async Task A_full_page_longer_than_one_list_of_ids_has_every_child_and_the_count_and_a_page_past_the_end_still_counts()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        // More than SQLite's keys per list (100), so a full page's children are read in two lists.
        const int matches = 130;
        await Database.InTransactionAsync(async tx =>
        {
            for (var i = 0; i < matches; i++)
            {
                await Contracts.InsertAsync(TestData.Contract(providerId) with
                {
                    ContractNumber = $"{tag}-{i:D3}", ContractManager = tag, Municipalities = ["0141", i % 2 == 0 ? "0147" : "0153"],
                    ExtensionOptions = [new ExtensionOption(1, 12 + i % 3, false)],
                }, tx);
            }
        });
        var mine = new ContractFilter { ContractManager = tag };

        var full = await Contracts.SearchAsync(mine, new PageRequest(1, 120));
        var past = await Contracts.SearchAsync(mine, new PageRequest(5, 60));

        Assert.Equal((120, matches, true), (full.Items.Count, full.TotalCount, full.TotalIsExact));
        Assert.All(full.Items.Select((contract, i) => (contract, i)), read =>
        {
            Assert.Equal(["0141", read.i % 2 == 0 ? "0147" : "0153"], read.contract.Municipalities);
            Assert.Equal([new ExtensionOption(1, 12 + read.i % 3, false)], read.contract.ExtensionOptions);
        });
        Assert.Equal((0, matches, true, false), (past.Items.Count, past.TotalCount, past.TotalIsExact, past.HasNext));
    }

    [EngineFact]
    public async Task Recording_an_extension_exercises_the_option_and_moves_the_current_end()
    {
        var contract = TestData.Contract(await NewProviderAsync()) with
        {
            InitialEndDate = new DateOnly(2026, 12, 31),
            ExtensionOptions = [new(1, 12, false), new(2, 12, false)],
            Status = ContractStatus.Actief,
        };
        var id = await Contracts.InsertAsync(contract);
        var stored = (await Contracts.ReadByIdAsync(id))!;
        var outcome = KeyDateRules.Decide(stored, RenewalDecisionKind.Verlengen, new DateOnly(2026, 5, 1));
        var decision = new RenewalDecision
        {
            ContractId = id,
            Decision = RenewalDecisionKind.Verlengen,
            DecidedOn = new DateOnly(2026, 5, 1),
            DecidedBy = "k.klaassen",
            Reason = "Goede resultaten, wachttijden binnen de norm.",
            ExercisedOptionSequence = outcome.ExercisedOptionSequence,
        };

        var decisionId = await Contracts.RecordDecisionAsync(decision, outcome.Contract!);
        var read = await Contracts.ReadByIdAsync(id);
        var history = await Contracts.ReadDecisionsAsync(id);

        Assert.NotNull(decisionId);
        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal([new ExtensionOption(1, 12, true), new ExtensionOption(2, 12, false)], read!.ExtensionOptions);
        Assert.Equal(new DateOnly(2027, 12, 31), read.KeyDates.CurrentEnd);
        Assert.Equal(new DateOnly(2027, 6, 30), read.KeyDates.DecisionDeadline);
        Assert.Equal(RenewalDecisionKind.Verlengen, read.LatestDecision);
        Assert.Equal(ContractStatus.Actief, read.Status);
        Assert.Equal([new RenewalDecision
        {
            Id = decisionId.Value,
            ContractId = id,
            Decision = RenewalDecisionKind.Verlengen,
            DecidedOn = new DateOnly(2026, 5, 1),
            DecidedBy = "k.klaassen",
            Reason = "Goede resultaten, wachttijden binnen de norm.",
            ExercisedOptionSequence = 1,
        }], history);
    }

    [EngineFact]
    public async Task Recording_the_same_option_twice_returns_null_and_writes_nothing()
    {
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync()) with
        {
            InitialEndDate = new DateOnly(2026, 12, 31),
            ExtensionOptions = [new(1, 12, false), new(2, 12, false)],
            Status = ContractStatus.Actief,
        });
        // Two people decide on the same stored contract: both would exercise option 1.
        var stored = (await Contracts.ReadByIdAsync(id))!;
        var outcome = KeyDateRules.Decide(stored, RenewalDecisionKind.Verlengen, new DateOnly(2026, 5, 1));
        RenewalDecision Decision(string by) => new()
        {
            ContractId = id,
            Decision = RenewalDecisionKind.Verlengen,
            DecidedOn = new DateOnly(2026, 5, 1),
            DecidedBy = by,
            Reason = "Verlengen",
            ExercisedOptionSequence = 1,
        };

        var first = await Contracts.RecordDecisionAsync(Decision("eerste"), outcome.Contract!);
        var second = await Contracts.RecordDecisionAsync(Decision("tweede"), outcome.Contract! with { Status = ContractStatus.Verlopen });
        var read = await Contracts.ReadByIdAsync(id);
        var history = await Contracts.ReadDecisionsAsync(id);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(["eerste"], history.Select(d => d.DecidedBy));
        Assert.Equal(ContractStatus.Actief, read!.Status);
        Assert.Equal([new ExtensionOption(1, 12, true), new ExtensionOption(2, 12, false)], read.ExtensionOptions);
        Assert.Equal(new DateOnly(2027, 12, 31), read.KeyDates.CurrentEnd);
    }

    [EngineFact]
    public async Task Recording_the_same_option_twice_in_an_outer_transaction_leaves_it_usable()
    {
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync()) with { ExtensionOptions = [new(1, 12, false)] });
        var stored = (await Contracts.ReadByIdAsync(id))!;
        var outcome = KeyDateRules.Decide(stored, RenewalDecisionKind.Verlengen, new DateOnly(2026, 5, 1));
        var decision = new RenewalDecision
        {
            ContractId = id, Decision = RenewalDecisionKind.Verlengen, DecidedOn = new DateOnly(2026, 5, 1),
            DecidedBy = "k.klaassen", Reason = "Verlengen", ExercisedOptionSequence = 1,
        };

        var (first, second) = await Database.InTransactionAsync(async tx =>
            (await Contracts.RecordDecisionAsync(decision, outcome.Contract!, tx),
             await Contracts.RecordDecisionAsync(decision, outcome.Contract!, tx)));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal([first.Value], (await Contracts.ReadDecisionsAsync(id)).Select(d => d.Id));
    }

    [EngineFact]
    public async Task Recording_a_decision_not_to_extend_sets_the_status_and_ends_the_decision_deadline()
    {
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync()) with
        {
            InitialEndDate = new DateOnly(2026, 12, 31),
            ExtensionOptions = [new(1, 12, false)],
            Status = ContractStatus.Actief,
        });
        var stored = (await Contracts.ReadByIdAsync(id))!;
        var outcome = KeyDateRules.Decide(stored, RenewalDecisionKind.Beeindigen, new DateOnly(2027, 2, 1));
        var decision = new RenewalDecision
        {
            ContractId = id,
            Decision = RenewalDecisionKind.Beeindigen,
            DecidedOn = new DateOnly(2027, 2, 1),
            DecidedBy = "k.klaassen",
            Reason = "Aanbieder stopt met deze zorgvorm.",
        };

        var decisionId = await Contracts.RecordDecisionAsync(decision, outcome.Contract!);
        var read = await Contracts.ReadByIdAsync(id);

        Assert.NotNull(decisionId);
        Assert.Equal(ContractStatus.Beeindigd, read!.Status);
        Assert.Equal(RenewalDecisionKind.Beeindigen, read.LatestDecision);
        Assert.Null(read.KeyDates.DecisionDeadline);
        Assert.Equal([new ExtensionOption(1, 12, false)], read.ExtensionOptions);
        Assert.Null((await Contracts.ReadDecisionsAsync(id)).Single().ExercisedOptionSequence);
    }

    /// <summary>Records <paramref name="kind"/> as Core decides it on <paramref name="on"/>, as the API does.</summary>
    private async Task DecideAsync(long id, RenewalDecisionKind kind, DateOnly on)
    {
        var outcome = KeyDateRules.Decide((await Contracts.ReadByIdAsync(id))!, kind, on);
        Assert.Null(outcome.Error);
        var decision = new RenewalDecision
        {
            ContractId = id, Decision = kind, DecidedOn = on, DecidedBy = "k.klaassen", Reason = "Besluit in de test.",
            ExercisedOptionSequence = outcome.ExercisedOptionSequence,
        };
        Assert.NotNull(await Contracts.RecordDecisionAsync(decision, outcome.Contract!));
    }

    [EngineFact]
    public async Task Search_sorts_on_the_next_deadline_in_the_database_with_undated_contracts_last()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        Task<long> Insert(string suffix, DateOnly end, int notice, int lead, params ExtensionOption[] options) =>
            Contracts.InsertAsync(TestData.Contract(providerId) with
            {
                ContractNumber = tag + suffix, ContractManager = tag, InitialEndDate = end, NoticePeriodMonths = notice,
                ProcurementLeadTimeMonths = lead, ExtensionOptions = options,
            });
        // Decision 30-06-2026 (end 31-12-2026 less 6 months notice); procurement 30-09-2027 (maximum end 31-12-2027 less 3).
        var a = await Insert("-A", new DateOnly(2026, 12, 31), 6, 3, new ExtensionOption(1, 12, false));
        // No option, so no decision; procurement 30-09-2025 (end 31-03-2026 less 6 months lead time).
        var b = await Insert("-B", new DateOnly(2026, 3, 31), 3, 6);
        // Decision 30-09-2026 (end 30-06-2027 less 9 months notice); procurement 31-10-2027 (maximum end 31-12-2027 less 2).
        var c = await Insert("-C", new DateOnly(2027, 6, 30), 9, 2, new ExtensionOption(1, 6, false));
        // Ended by decision: neither a decision nor a procurement is due.
        var d = await Insert("-D", new DateOnly(2026, 12, 31), 6, 6);
        await DecideAsync(d, RenewalDecisionKind.Beeindigen, new DateOnly(2025, 6, 1));

        async Task<long[]> Ids(ContractOrder order, bool descending, int page = 1, int size = 10) =>
            (await Contracts.SearchAsync(new ContractFilter { ContractManager = tag }, new PageRequest(page, size), order, descending))
                .Items.Select(x => x.Id).ToArray();

        Assert.Equal([b, a, c, d], await Ids(ContractOrder.NextDeadline, false));
        Assert.Equal([d, c, a, b], await Ids(ContractOrder.NextDeadline, true));
        Assert.Equal([b, a, c, d], await Ids(ContractOrder.ProcurementStart, false));
        Assert.Equal([a, c, b, d], await Ids(ContractOrder.DecisionDeadline, false));
        Assert.Equal([c, d], await Ids(ContractOrder.NextDeadline, false, page: 2, size: 2));
        Assert.Equal([b, a, d, c], await Ids(ContractOrder.CurrentEnd, false));
    }

    [EngineFact]
    public async Task A_decision_moves_the_stored_key_dates_and_status_that_search_filters_on()
    {
        var tag = Unique.Token();
        var providerId = await NewProviderAsync();
        // Ends 31-12-2025 with a year's option; decision due 30-09-2025, after the contract day 1 June 2025.
        var extended = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-1", ContractManager = tag, InitialEndDate = new DateOnly(2025, 12, 31), NoticePeriodMonths = 3, ProcurementLeadTimeMonths = 3,
            ExtensionOptions = [new(1, 12, false)],
        });
        // Ended 31-05-2025, the day before the contract day, with nobody deciding: Verlopen until it is decided.
        var ended = await Contracts.InsertAsync(TestData.Contract(providerId) with
        {
            ContractNumber = tag + "-2", ContractManager = tag, InitialEndDate = new DateOnly(2025, 5, 31),
        });

        async Task<long[]> Ids(ContractFilter filter) =>
            (await Contracts.SearchAsync(filter with { ContractManager = tag }, new PageRequest(1, 50))).Items.Select(x => x.Id).ToArray();

        Assert.Equal([extended, ended], await Ids(new ContractFilter { EndsBefore = new DateOnly(2026, 1, 1) }));
        Assert.Equal([ended], await Ids(new ContractFilter { Status = ContractStatus.Verlopen }));
        Assert.Equal([extended], await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2025, 10, 1) }));

        await DecideAsync(extended, RenewalDecisionKind.Verlengen, new DateOnly(2025, 6, 1));
        await DecideAsync(ended, RenewalDecisionKind.Beeindigen, new DateOnly(2025, 6, 1));

        Assert.Equal([ended], await Ids(new ContractFilter { EndsBefore = new DateOnly(2026, 1, 1) }));
        Assert.Equal([extended, ended], await Ids(new ContractFilter { EndsBefore = new DateOnly(2027, 1, 1) }));
        Assert.Empty(await Ids(new ContractFilter { Status = ContractStatus.Verlopen }));
        Assert.Equal([ended], await Ids(new ContractFilter { Status = ContractStatus.Beeindigd }));
        Assert.Equal([extended], await Ids(new ContractFilter { Status = ContractStatus.Actief }));
        Assert.Empty(await Ids(new ContractFilter { DecisionDueBefore = new DateOnly(2025, 10, 1) }));
    }

    [EngineFact]
    public async Task Key_dates_missing_on_rows_written_before_they_were_kept_are_filled_in_without_a_new_version()
    {
        var tag = Unique.Token();
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync()) with
        {
            ContractManager = tag, InitialEndDate = new DateOnly(2026, 12, 31),
        });
        var version = (await Contracts.ReadByIdAsync(id))!.RowVersion;
        await using (var connection = await Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "UPDATE contract SET current_end = NULL, decision_deadline = NULL, procurement_start_deadline = NULL, next_deadline = NULL WHERE id = @Id",
                new { Id = id });
        }
        var endsIn2026 = new ContractFilter { ContractManager = tag, EndsBefore = new DateOnly(2027, 1, 1) };
        Assert.Equal(0, (await Contracts.SearchAsync(endsIn2026, new PageRequest(1, 10))).TotalCount);

        Assert.True(await Contracts.StoreMissingKeyDatesAsync() >= 1);

        var found = await Contracts.SearchAsync(endsIn2026, new PageRequest(1, 10));
        Assert.Equal([id], found.Items.Select(c => c.Id));
        Assert.Equal(version, found.Items[0].RowVersion);
        Assert.Equal(0, await Contracts.StoreMissingKeyDatesAsync());
    }

    [EngineFact]
    public async Task A_contract_written_before_its_search_text_was_kept_is_found_once_it_is_filled_in()
    {
        var tag = Unique.Token();
        var id = await Contracts.InsertAsync(TestData.Contract(await NewProviderAsync("Thuiszorg Ëlsbeth " + tag)) with { ContractNumber = tag + "-S" });
        await using (var connection = await Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE contract SET search_text = NULL WHERE id = @Id", new { Id = id });
        }
        Assert.Empty((await Contracts.SearchAsync(new ContractFilter { Text = "ëlsbeth " + tag }, new PageRequest(1, 10))).Items);

        Assert.True(await ContractSearchText.StoreMissingAsync(Database) >= 1);

        Assert.Equal([id], (await Contracts.SearchAsync(new ContractFilter { Text = "ËLSBETH " + tag }, new PageRequest(1, 10))).Items.Select(c => c.Id));
        Assert.Equal([id], (await Contracts.SearchAsync(new ContractFilter { Text = tag + "-s" }, new PageRequest(1, 10))).Items.Select(c => c.Id));
        Assert.Equal(0, await ContractSearchText.StoreMissingAsync(Database));
    }
}
