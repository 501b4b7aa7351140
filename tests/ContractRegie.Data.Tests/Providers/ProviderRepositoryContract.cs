using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Providers;

/// <summary>What <see cref="ProviderRepository"/> promises on every engine.</summary>
public abstract class ProviderRepositoryContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private ProviderRepository Providers => new(Database, Audit);

    [EngineFact]
    public async Task Insert_then_read_by_id_returns_every_field()
    {
        var agb = Unique.EightDigits();
        var provider = new Provider
        {
            Name = "Stichting Jeugdzorg Twente",
            KvkNumber = "41024564",
            AgbCode = agb,
            Street = "Hofstraat 12",
            PostalCode = "7607 AB",
            City = "Almelo",
            ContactEmail = "contract@jeugdzorgtwente.nl",
            ContractManager = "j.jansen",
            OzjtTop16 = true,
            Active = false,
        };

        var id = await Providers.InsertAsync(provider);
        var read = await Providers.ReadByIdAsync(id);

        Assert.True(id > 0);
        Assert.Equal(new Provider
        {
            Id = id,
            Name = "Stichting Jeugdzorg Twente",
            KvkNumber = "41024564",
            AgbCode = agb,
            Street = "Hofstraat 12",
            PostalCode = "7607 AB",
            City = "Almelo",
            ContactEmail = "contract@jeugdzorgtwente.nl",
            ContractManager = "j.jansen",
            OzjtTop16 = true,
            Active = false,
            RowVersion = 1,
            UpdatedAt = WrittenAt,
        }, read);
    }

    [EngineFact]
    public async Task Optional_fields_round_trip_as_null()
    {
        var provider = TestData.Provider("Zorg Zonder Adres");
        var id = await Providers.InsertAsync(provider);

        var read = await Providers.ReadByIdAsync(id);

        Assert.NotNull(read);
        Assert.Null(read.Street);
        Assert.Null(read.PostalCode);
        Assert.Null(read.City);
        Assert.Null(read.ContactEmail);
        Assert.Null(read.ContractManager);
        Assert.False(read.OzjtTop16);
        Assert.True(read.Active);
    }

    [EngineFact]
    public async Task Read_by_agb_code_finds_the_provider_and_unknown_code_gives_null()
    {
        var provider = TestData.Provider("Zorg Op Code");
        var id = await Providers.InsertAsync(provider);

        var found = await Providers.ReadByAgbCodeAsync(provider.AgbCode);
        var missing = await Providers.ReadByAgbCodeAsync("00000000");

        Assert.Equal(id, found?.Id);
        Assert.Equal("Zorg Op Code", found?.Name);
        Assert.Null(missing);
    }

    [EngineFact]
    public async Task Read_unknown_id_gives_null()
    {
        Assert.Null(await Providers.ReadByIdAsync(987_654_321));
    }

    [EngineFact]
    public async Task Update_changes_every_field()
    {
        var id = await Providers.InsertAsync(TestData.Provider("Voor Wijziging"));
        var newAgb = Unique.EightDigits();
        var changed = new Provider
        {
            Id = id,
            RowVersion = 1,
            Name = "Na Wijziging B.V.",
            KvkNumber = "12345678",
            AgbCode = newAgb,
            Street = "Grotestraat 1",
            PostalCode = "7551 AA",
            City = "Hengelo",
            ContactEmail = "info@nawijziging.nl",
            ContractManager = "p.pietersen",
            OzjtTop16 = true,
            Active = false,
        };

        var updated = await Providers.UpdateAsync(changed);
        var read = await Providers.ReadByIdAsync(id);

        Assert.Equal(WriteResult.Written, updated);
        Assert.Equal(changed with { RowVersion = 2, UpdatedAt = WrittenAt }, read);
    }

    [EngineFact]
    public async Task Update_based_on_an_old_version_writes_nothing()
    {
        var id = await Providers.InsertAsync(TestData.Provider("Eerste Versie"));
        var read = (await Providers.ReadByIdAsync(id))!;

        var first = await Providers.UpdateAsync(read with { Name = "Tweede Versie" });
        var second = await Providers.UpdateAsync(read with { Name = "Derde Versie" });

        Assert.Equal(WriteResult.Written, first);
        Assert.Equal(WriteResult.Stale, second);
        Assert.Equal(("Tweede Versie", 2L), ((await Providers.ReadByIdAsync(id))!.Name, (await Providers.ReadByIdAsync(id))!.RowVersion));
    }

    [EngineFact]
    public async Task Update_of_unknown_id_returns_false()
    {
        var updated = await Providers.UpdateAsync(TestData.Provider() with { Id = 987_654_321 });

        Assert.Equal(WriteResult.NotFound, updated);
    }

    [EngineFact]
    public async Task Delete_removes_the_provider_once()
    {
        var id = await Providers.InsertAsync(TestData.Provider());

        var stale = await Providers.DeleteAsync(id, rowVersion: 2);
        var first = await Providers.DeleteAsync(id, rowVersion: 1);
        var second = await Providers.DeleteAsync(id, rowVersion: 1);

        Assert.Equal(WriteResult.Stale, stale);
        Assert.Equal(WriteResult.Written, first);
        Assert.Equal(WriteResult.NotFound, second);
        Assert.Null(await Providers.ReadByIdAsync(id));
    }

    [EngineFact]
    public async Task Duplicate_agb_code_throws_a_DbException()
    {
        var first = TestData.Provider();
        await Providers.InsertAsync(first);

        await Assert.ThrowsAnyAsync<DbException>(() => Providers.InsertAsync(TestData.Provider() with { AgbCode = first.AgbCode }));
    }

    [EngineFact]
    public async Task Search_text_matches_name_agb_code_and_kvk_number_case_insensitively()
    {
        var tag = Unique.Token();
        var byName = TestData.Provider("Huishoudelijke Hulp " + tag.ToUpperInvariant()) with { ContractManager = tag };
        var other = TestData.Provider("Andere Zorg") with { ContractManager = tag };
        await Providers.InsertAsync(byName);
        await Providers.InsertAsync(other);

        var onName = await Providers.SearchAsync(new ProviderFilter(Text: "hulp " + tag), new PageRequest(1, 10));
        var onAgb = await Providers.SearchAsync(new ProviderFilter(Text: other.AgbCode), new PageRequest(1, 10));
        var onKvk = await Providers.SearchAsync(new ProviderFilter(Text: " " + other.KvkNumber[2..] + " "), new PageRequest(1, 10));

        Assert.Equal(["Huishoudelijke Hulp " + tag.ToUpperInvariant()], onName.Items.Select(p => p.Name));
        Assert.Equal(1, onName.TotalCount);
        Assert.Equal(["Andere Zorg"], onAgb.Items.Select(p => p.Name));
        Assert.Equal(["Andere Zorg"], onKvk.Items.Where(p => p.ContractManager == tag).Select(p => p.Name));
    }

    [EngineFact]
    public async Task Search_text_is_case_insensitive_beyond_ascii()
    {
        var tag = Unique.Token();
        await Providers.InsertAsync(TestData.Provider("ÉÉN OP ÉÉN Begeleiding") with { ContractManager = tag });
        await Providers.InsertAsync(TestData.Provider("Cliëntondersteuning Twente") with { ContractManager = tag });

        var lower = await Providers.SearchAsync(new ProviderFilter(Text: "één op één", ContractManager: tag), new PageRequest(1, 10));
        var upper = await Providers.SearchAsync(new ProviderFilter(Text: "CLIËNT", ContractManager: tag), new PageRequest(1, 10));

        Assert.Equal(["ÉÉN OP ÉÉN Begeleiding"], lower.Items.Select(p => p.Name));
        Assert.Equal(["Cliëntondersteuning Twente"], upper.Items.Select(p => p.Name));
    }

    [EngineFact]
    public async Task Search_text_treats_like_wildcards_literally()
    {
        var tag = Unique.Token();
        await Providers.InsertAsync(TestData.Provider("Zorg 100% Thuis") with { ContractManager = tag });
        await Providers.InsertAsync(TestData.Provider("Zorg_Op_Maat") with { ContractManager = tag });
        await Providers.InsertAsync(TestData.Provider("Gewone Zorg") with { ContractManager = tag });
        await Providers.InsertAsync(TestData.Provider(@"Zorg \ Welzijn") with { ContractManager = tag });

        var percent = await Providers.SearchAsync(new ProviderFilter(Text: "%", ContractManager: tag), new PageRequest(1, 10));
        var underscore = await Providers.SearchAsync(new ProviderFilter(Text: "_", ContractManager: tag), new PageRequest(1, 10));
        var backslash = await Providers.SearchAsync(new ProviderFilter(Text: @"\", ContractManager: tag), new PageRequest(1, 10));
        var everything = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(1, 10));

        Assert.Equal(["Zorg 100% Thuis"], percent.Items.Select(p => p.Name));
        Assert.Equal(1, percent.TotalCount);
        Assert.Equal(["Zorg_Op_Maat"], underscore.Items.Select(p => p.Name));
        Assert.Equal(1, underscore.TotalCount);
        Assert.Equal([@"Zorg \ Welzijn"], backslash.Items.Select(p => p.Name));
        Assert.Equal(4, everything.TotalCount);
    }

    [EngineFact]
    public async Task Search_filters_on_active_ozjt_and_contract_manager()
    {
        var tag = Unique.Token();
        await Providers.InsertAsync(TestData.Provider("A actief regionaal") with { ContractManager = tag, Active = true, OzjtTop16 = true });
        await Providers.InsertAsync(TestData.Provider("B actief lokaal") with { ContractManager = tag, Active = true, OzjtTop16 = false });
        await Providers.InsertAsync(TestData.Provider("C inactief lokaal") with { ContractManager = tag, Active = false, OzjtTop16 = false });
        await Providers.InsertAsync(TestData.Provider("D andere manager") with { ContractManager = Unique.Token(), Active = true, OzjtTop16 = true });

        var all = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(1, 10));
        var active = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag, Active: true), new PageRequest(1, 10));
        var inactive = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag, Active: false), new PageRequest(1, 10));
        var ozjt = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag, OzjtTop16: true), new PageRequest(1, 10));
        var localActive = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag, Active: true, OzjtTop16: false), new PageRequest(1, 10));

        Assert.Equal(["A actief regionaal", "B actief lokaal", "C inactief lokaal"], all.Items.Select(p => p.Name));
        Assert.Equal(["A actief regionaal", "B actief lokaal"], active.Items.Select(p => p.Name));
        Assert.Equal(["C inactief lokaal"], inactive.Items.Select(p => p.Name));
        Assert.Equal(["A actief regionaal"], ozjt.Items.Select(p => p.Name));
        Assert.Equal(["B actief lokaal"], localActive.Items.Select(p => p.Name));
        Assert.Equal((3, 2, 1, 1, 1), (all.TotalCount, active.TotalCount, inactive.TotalCount, ozjt.TotalCount, localActive.TotalCount));
    }

    [EngineFact]
    public async Task Search_pages_in_name_order_with_the_total_count()
    {
        var tag = Unique.Token();
        foreach (var name in new[] { "Echo", "Alfa", "Delta", "Charlie", "Bravo" })
        {
            await Providers.InsertAsync(TestData.Provider(name) with { ContractManager = tag });
        }

        var first = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(1, 2));
        var second = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(2, 2));
        var last = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(3, 2));
        var beyond = await Providers.SearchAsync(new ProviderFilter(ContractManager: tag), new PageRequest(4, 2));

        Assert.Equal(["Alfa", "Bravo"], first.Items.Select(p => p.Name));
        Assert.Equal(["Charlie", "Delta"], second.Items.Select(p => p.Name));
        Assert.Equal(["Echo"], last.Items.Select(p => p.Name));
        Assert.Empty(beyond.Items);
        Assert.All(new[] { first, second, last, beyond }, page => Assert.Equal(5, page.TotalCount));
        Assert.Equal(3, first.TotalPages);
        Assert.Equal((2, 2), (second.PageNumber, second.PageSize));
    }

    [EngineFact]
    public async Task Count_contracts_counts_the_providers_contracts()
    {
        var id = await Providers.InsertAsync(TestData.Provider());
        var contracts = new Data.Contracts.ContractRepository(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
        await contracts.InsertAsync(TestData.Contract(id));
        await contracts.InsertAsync(TestData.Contract(id));

        Assert.Equal(2, await Providers.CountContractsAsync(id));
    }
}
