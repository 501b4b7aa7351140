using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Contracts;
using ContractRegie.Data.Spending;
using Dapper;

namespace ContractRegie.Data.Contracts;

/// <summary>
/// The contract with its municipalities and extension options, read and written as one. Its status is read as
/// computed for today from its dates and decisions, so it is never stale before the morning job.
/// </summary>
public sealed class ContractRepository(Database database, AuditTrail audit, TimeProvider time, BudgetPositions positions)
{
    private const string Entity = "contract";

    public Task<Contract?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c =>
        {
            var contract = await c.QuerySingleOrDefaultAsync<Contract>(ContractSql.ReadById, new { Id = id }, transaction);
            if (contract is null)
            {
                return null;
            }
            var children = await Children.ReadAsync(c, transaction, [(ContractSql.ChildrenByContractId, new { Id = id })]);
            return Assemble(contract, children, time.Today());
        });

    public async Task<long?> ReadIdByNumberAsync(string contractNumber, DbTransaction? transaction = null) =>
        (await database.RunAsync(transaction, c =>
            c.QuerySingleOrDefaultAsync<Contract>(ContractSql.ReadByNumber, new { ContractNumber = contractNumber }, transaction)))?.Id;

    /// <summary>One page of the register, filtered, sorted and paged by the database over the key dates kept on the row.</summary>
    public Task<Page<Contract>> SearchAsync(ContractFilter filter, PageRequest page, ContractOrder order = ContractOrder.Number, bool descending = false,
        DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c =>
        {
            var today = time.Today();
            var parameters = new
            {
                filter.Kind,
                filter.Law,
                filter.Status,
                filter.ProviderId,
                filter.ContractManager,
                filter.TactischInkoper,
                filter.ProcurementRoute,
                filter.MunicipalityCode,
                Text = filter.Text is null ? null : Like.Contains(filter.Text),
                filter.DecisionDueBefore,
                filter.EndsBefore,
                filter.UpdatedSince,
                Today = today,
                page.Offset,
                Limit = page.PageSize,
            };
            var dialect = database.Dialect;
            var bound = new DynamicParameters(parameters);
            var contracts = (await c.QueryAsync<Contract>(ContractSql.Search(dialect, filter, order, descending), bound, transaction)).AsList();
            if (contracts.Count < page.PageSize && (contracts.Count > 0 || page.Offset == 0))
            {
                // A page that is not full is the last: what matches is known without counting.
                var last = await WithChildrenAsync(c, transaction, contracts, today);
                return new Page<Contract>(last, page.PageNumber, page.PageSize, page.Offset + last.Count);
            }
            var limit = Math.Max(filter.Text is null ? CountedMatches : CountedTextMatches, page.Offset + page.PageSize) + 1;
            bound.Add("Limit", limit);
            var count = ContractSql.CountUpTo(dialect, filter);
            var (items, counted) = contracts.Count == 0
                ? ([], await c.ExecuteScalarAsync<int>(count, bound, transaction))
                : await WithChildrenAndCountAsync(c, transaction, contracts, today, (count, bound));
            return counted < limit
                ? new Page<Contract>(items, page.PageNumber, page.PageSize, counted)
                : new Page<Contract>(items, page.PageNumber, page.PageSize, limit - 1, TotalIsExact: false);
        });

    /// <summary>
    /// How far a search counts its matches (or to the end of the page asked for, if further): past it the list says
    /// "more than", since nobody pages through a thousand contracts, and counting every match of a broad search of a
    /// national register would cost more than finding the page.
    /// </summary>
    public const int CountedMatches = 1_000;

    /// <summary>
    /// How far a search on text counts. Comparing each candidate's text is what a search spends most on (counting to 1,000 took
    /// about half of PostgreSQL's time in the national benchmark), and a text that matches more than this many contracts is one
    /// to narrow, not to page through. The list without a text counts to <see cref="CountedMatches"/>, so a municipality still
    /// sees its whole register counted.
    /// </summary>
    public const int CountedTextMatches = 250;

    /// <summary>
    /// The contracts with these numbers, with their municipalities and options, a list of numbers per query, in the caller's
    /// transaction: what an import compares its rows with. Keyed case-insensitively, as the import tells numbers apart; a number
    /// without a contract is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Contract>> ReadByNumbersAsync(IEnumerable<string> numbers, DbTransaction transaction)
    {
        var contracts = await SqlRows.QueryInListsAsync<Contract, string>(database.Dialect, transaction, ContractSql.ReadByNumbers, "ContractNumber", numbers);
        return (await WithChildrenAsync(transaction.Connection!, transaction, contracts, time.Today()))
            .ToDictionary(contract => contract.ContractNumber, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The sooner of the decision deadline and the procurement start deadline, if either is still ahead of a decision.</summary>
    public static DateOnly? NextDeadline(KeyDates keyDates) =>
        new[] { keyDates.DecisionDeadline, keyDates.ProcurementStartDeadline }.Where(d => d is not null).Min();

    public Task<long> InsertAsync(Contract contract, DbTransaction? transaction = null) =>
        database.InTransactionAsync(transaction, async tx =>
            await Rows.InsertAsync(ContractSql.Insert, Parameters(contract with { LatestDecision = null }, await SearchTextAsync(contract, tx)), tx,
                (id, children) => WriteChildrenAsync(children.Connection!, children, id, contract)));

    /// <summary>
    /// Inserts new contracts as <see cref="InsertAsync"/> inserts one (key dates, search text and <c>updated_at</c> on the row, municipalities and
    /// options, an audit entry with the stored contract), in the caller's transaction and in bulk: the engine's rows per INSERT,
    /// after their providers' names in IN lists, then the new ids by number in one query and the children in bulk, so a file of new
    /// contracts costs a few round trips per batch instead of several per contract.
    /// </summary>
    public async Task InsertManyAsync(IReadOnlyList<Contract> contracts, DbTransaction transaction)
    {
        if (contracts.Count == 0)
        {
            return;
        }
        var connection = transaction.Connection!;
        // To the microsecond, as every engine stores it, so the audited contract is the stored one to the last digit.
        var now = audit.Now();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        // Identities only grow, so the new rows are all above the highest id now; contracts are never deleted.
        var afterId = await connection.ExecuteScalarAsync<long>(ContractSql.MaxId, transaction: transaction);
        var providerNames = await ContractSearchText.ProviderNamesAsync(database.Dialect, transaction, contracts.Select(contract => contract.ProviderId));
        await database.Dialect.InsertRowsAsync(transaction, ContractSql.InsertRows, contracts.Select(contract => Parameters(
            contract with { LatestDecision = null, UpdatedAt = now },
            ContractSearchText.Of(contract.Title, contract.ContractNumber, providerNames[contract.ProviderId]))));
        // Rows another transaction committed meanwhile may be above it too: the numbers tell ours.
        var ids = (await connection.QueryAsync<NumberedId>(ContractSql.IdsAfter, new { AfterId = afterId }, transaction))
            .ToDictionary(row => row.ContractNumber, row => row.Id, StringComparer.Ordinal);
        await database.Dialect.InsertRowsAsync(transaction, ContractSql.InsertMunicipalityRows,
            contracts.SelectMany(c => c.Municipalities.Select(code => new { ContractId = ids[c.ContractNumber], MunicipalityCode = code })));
        await database.Dialect.InsertRowsAsync(transaction, ContractSql.InsertOptionRows,
            contracts.SelectMany(c => c.ExtensionOptions.Select(o => new { ContractId = ids[c.ContractNumber], o.Sequence, o.DurationMonths, o.Exercised })));
        // What a read of the new rows would answer, without reading them: what was written with its id, its provider's name
        // (from the join a read makes), the first version and the status today.
        var today = time.Today();
        await audit.AppendManyAsync(transaction, AuditAction.Create, Entity,
            [.. contracts.Select(contract => AsRead(contract with
            {
                Id = ids[contract.ContractNumber], ProviderName = providerNames[contract.ProviderId], LatestDecision = null, RowVersion = FirstVersion,
                UpdatedAt = now,
                // In the order a read gives them.
                Municipalities = [.. contract.Municipalities.Order(StringComparer.Ordinal)],
                ExtensionOptions = [.. contract.ExtensionOptions.OrderBy(option => option.Sequence)],
            }, today)).Select(contract => new AuditedChange(contract.Id, null, contract))], occurredAt: now);
    }

    /// <summary>The version a new row gets (the column's default).</summary>
    private const long FirstVersion = 1;

    /// <summary>Writes <paramref name="contract"/> if the stored row still has its <see cref="Contract.RowVersion"/>.</summary>
    public Task<WriteResult> UpdateAsync(Contract contract, DbTransaction? transaction = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var searchText = await SearchTextAsync(contract, tx);
            var kindChanged = false;
            // A replacement does not carry the decision history; the key dates follow from the stored latest decision.
            return await Rows.UpdateAsync(contract.Id, ContractSql.Update, before =>
                {
                    kindChanged = before.Kind != contract.Kind;
                    return Parameters(contract with { LatestDecision = before.LatestDecision }, searchText);
                }, tx,
                async (id, children) =>
                {
                    await children.Connection!.ExecuteAsync(ContractSql.DeleteMunicipalities, new { Id = id }, children);
                    await children.Connection!.ExecuteAsync(ContractSql.DeleteOptions, new { Id = id }, children);
                    await WriteChildrenAsync(children.Connection!, children, id, contract);
                    if (kindChanged)
                    {
                        // A share key applies only to a regional OZJT contract: its budgets per municipality may have changed.
                        await positions.RecomputeContractAsync(id, children);
                    }
                });
        });

    /// <summary>The search text of <paramref name="contract"/> with its provider's stored name (none yet: the write fails on the reference).</summary>
    private async Task<string> SearchTextAsync(Contract contract, DbTransaction transaction) =>
        ContractSearchText.Of(contract.Title, contract.ContractNumber,
            (await ContractSearchText.ProviderNamesAsync(database.Dialect, transaction, [contract.ProviderId])).GetValueOrDefault(contract.ProviderId, ""));

    private AuditedRows<Contract> Rows => new(database, audit, Entity, (id, tx) => ReadByIdAsync(id, tx));

    /// <summary>The providers with a contract of <paramref name="status"/> today, in the caller's transaction.</summary>
    public async Task<IReadOnlySet<long>> ReadProviderIdsWithStatusAsync(ContractStatus status, DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<long>(ContractSql.ProviderIdsWithStatus(status), new { Today = time.Today() }, transaction))
        .ToHashSet();

    /// <summary>The whole register, in id order.</summary>
    public Task<IReadOnlyList<Contract>> ReadAllAsync() =>
        database.RunAsync<IReadOnlyList<Contract>>(null, async c =>
        {
            var all = new List<Contract>();
            await foreach (var chunk in ChunksAsync(c, null, WholeRegisterChunk))
            {
                all.AddRange(chunk);
            }
            return all;
        });

    /// <summary>
    /// The whole register <paramref name="chunkSize"/> contracts at a time in id order, for the daily checks over a large
    /// register: memory holds one chunk, and each page's total lets a job report its progress. Read in the job's transaction:
    /// on SQLite another connection could not read once the job's writes hold the database.
    /// </summary>
    public IAsyncEnumerable<Page<Contract>> ReadInChunksAsync(int chunkSize, DbTransaction transaction) =>
        KeyChunks.AsPagesAsync(ChunksAsync(transaction.Connection!, transaction, chunkSize), chunkSize,
            () => transaction.Connection!.ExecuteScalarAsync<int>(ContractSql.Count(new ContractFilter()), transaction: transaction));

    private const int WholeRegisterChunk = 1_000;

    /// <summary>
    /// The register by key (<see cref="ContractSql.ChunkAfter"/>), each chunk with its children by id range: two round trips
    /// a chunk. Counting the register is left to the one reader that reports progress.
    /// </summary>
    private IAsyncEnumerable<List<Contract>> ChunksAsync(DbConnection connection, DbTransaction? transaction, int chunkSize)
    {
        var today = time.Today();
        return KeyChunks.ReadAsync(chunkSize, async afterId =>
        {
            var contracts = (await connection.QueryAsync<Contract>(ContractSql.ChunkAfter(database.Dialect),
                new { AfterId = afterId, Offset = 0, Limit = chunkSize }, transaction)).AsList();
            if (contracts.Count == 0)
            {
                return contracts;
            }
            var children = await Children.ReadAsync(connection, transaction, [(ContractSql.ChildrenInIdRange, new { AfterId = afterId, LastId = contracts[^1].Id })]);
            return contracts.Select(contract => Assemble(contract, children, today)).ToList();
        }, contract => contract.Id);
    }

    public Task<IReadOnlyList<RenewalDecision>> ReadDecisionsAsync(long contractId) =>
        database.RunAsync<IReadOnlyList<RenewalDecision>>(null, async c =>
            (await c.QueryAsync<RenewalDecision>(ContractSql.DecisionsByContractId, new { Id = contractId })).AsList());

    /// <summary>
    /// Stores a decision and its effect on the contract (exercised option, status) together. Returns the new
    /// decision's id, or null when someone else exercised that option first.
    /// </summary>
    public Task<long?> RecordDecisionAsync(RenewalDecision decision, Contract decided, DbTransaction? transaction = null) =>
        database.InTransactionAsync<long?>(transaction, async tx =>
        {
            var connection = tx.Connection!;
            var now = audit.Now();
            if (decision.ExercisedOptionSequence is { } sequence)
            {
                var exercised = await connection.ExecuteAsync(ContractSql.ExerciseOption,
                    new { ContractId = decided.Id, Sequence = sequence, Exercised = true }, tx);
                if (exercised != 1)
                {
                    // Nothing is written yet; leave the transaction to its owner (rolling back here broke the commit after).
                    return null;
                }
            }
            await connection.ExecuteAsync(ContractSql.UpdateDecided, UpdatedAtStamp.On(Parameters(decided with { LatestDecision = decision.Decision }), now), tx);
            var id = await connection.ExecuteScalarAsync<long>(ContractSql.InsertDecision + ";\n" + database.Dialect.SelectInsertedId,
                new
                {
                    decision.ContractId,
                    decision.Decision,
                    decision.DecidedOn,
                    decision.DecidedBy,
                    decision.DecidingBody,
                    decision.Reason,
                    decision.ExercisedOptionSequence,
                    decision.LateJustification,
                }, tx);
            await audit.AppendAsync(tx, AuditAction.Decide, Entity, decided.Id, null, decision with { Id = id }, occurredAt: now);
            return id;
        });

    /// <summary>The contracts with their municipalities and options, a list of ids per round trip, and their status today.</summary>
    private async Task<List<Contract>> WithChildrenAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Contract> contracts, DateOnly today) =>
        (await WithChildrenAndCountAsync(connection, transaction, contracts, today, count: null)).Contracts;

    /// <summary>
    /// As above, and <paramref name="count"/> (a statement that answers one number) in the last list's round trip: a search's
    /// count needs no round trip of its own. With no contracts there is no round trip, and no count.
    /// </summary>
    private async Task<(List<Contract> Contracts, int Counted)> WithChildrenAndCountAsync(DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<Contract> contracts, DateOnly today, (string Sql, DynamicParameters Parameters)? count)
    {
        var lists = contracts.Select(contract => contract.Id).Chunk(database.Dialect.KeysPerList).ToList();
        var batches = lists.Select((ids, i) => count is { } also && i == lists.Count - 1
            ? (ContractSql.ChildrenOf(ids.Length) + ";\n" + also.Sql, (object)SqlRows.BindList("ContractId", ids, also.Parameters))
            : (ContractSql.ChildrenOf(ids.Length), (object)SqlRows.BindList("ContractId", ids)));
        var counted = 0;
        var children = await Children.ReadAsync(connection, transaction, batches, async rest => counted = await rest.ReadSingleAsync<int>());
        return (contracts.Select(contract => Assemble(contract, children, today)).ToList(), counted);
    }

    private static async Task WriteChildrenAsync(DbConnection connection, DbTransaction tx, long id, Contract contract)
    {
        await connection.ExecuteAsync(ContractSql.InsertMunicipality,
            contract.Municipalities.Select(code => new { ContractId = id, MunicipalityCode = code }), tx);
        await connection.ExecuteAsync(ContractSql.InsertOption,
            contract.ExtensionOptions.Select(o => new { ContractId = id, o.Sequence, o.DurationMonths, o.Exercised }), tx);
    }

    /// <summary>
    /// Fills in the key dates of contracts written before they were kept on the row (migration 2026120294), a contract at
    /// a time; after that every write keeps them, so this finds nothing. Answers how many it filled in.
    /// </summary>
    public async Task<int> StoreMissingKeyDatesAsync(CancellationToken cancellationToken = default)
    {
        var ids = await database.RunAsync(null, async c => (await c.QueryAsync<long>(ContractSql.IdsWithoutKeyDates)).AsList());
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await database.InTransactionAsync(async tx =>
            {
                if (await ReadByIdAsync(id, tx) is { } contract)
                {
                    await tx.Connection!.ExecuteAsync(ContractSql.UpdateKeyDates, Parameters(contract), tx);
                }
            }, cancellationToken);
        }
        return ids.Count;
    }

    /// <summary>The row's columns; <paramref name="searchText"/> for the statements that write it (<see cref="ContractSearchText"/>).</summary>
    private static object Parameters(Contract c, string? searchText = null) => new
    {
        c.Id,
        c.ContractNumber,
        c.Title,
        c.ProviderId,
        c.Kind,
        c.Law,
        c.ProcurementRoute,
        c.StartDate,
        c.InitialEndDate,
        c.NoticePeriodMonths,
        c.ProcurementLeadTimeMonths,
        c.ContractOwner,
        c.ContractManager,
        c.TactischInkoper,
        c.Status,
        c.RowVersion,
        c.KeyDates.CurrentEnd,
        c.KeyDates.DecisionDeadline,
        c.KeyDates.ProcurementStartDeadline,
        NextDeadline = NextDeadline(c.KeyDates),
        c.LatestDecision,
        c.UpdatedAt,
        SearchText = searchText,
    };

    private static Contract Assemble(Contract contract, Children children, DateOnly today) =>
        AsRead(contract with
        {
            Municipalities = children.Municipalities[contract.Id].Select(m => m.MunicipalityCode).ToList(),
            ExtensionOptions = children.Options[contract.Id].Select(o => new ExtensionOption(o.Sequence, o.DurationMonths, o.Exercised)).ToList(),
        }, today);

    /// <summary>A stored contract as a read answers it: with its status on <paramref name="today"/> from its dates and decisions.</summary>
    private static Contract AsRead(Contract contract, DateOnly today) => contract with { Status = KeyDateRules.StatusOn(contract, today) };

    /// <summary>The municipalities and options of some contracts, by contract id.</summary>
    private sealed record Children(ILookup<long, MunicipalityRow> Municipalities, ILookup<long, OptionRow> Options)
    {
        /// <summary>
        /// Each batch holds two statements, municipalities then options: one round trip for both. A batch may go on with
        /// statements of its own, which <paramref name="rest"/> reads.
        /// </summary>
        public static async Task<Children> ReadAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<(string Sql, object Parameters)> batches,
            Func<SqlMapper.GridReader, Task>? rest = null)
        {
            var (municipalities, options) = (new List<MunicipalityRow>(), new List<OptionRow>());
            foreach (var (sql, parameters) in batches)
            {
                await using var results = await connection.QueryMultipleAsync(sql, parameters, transaction);
                municipalities.AddRange(await results.ReadAsync<MunicipalityRow>());
                options.AddRange(await results.ReadAsync<OptionRow>());
                if (!results.IsConsumed && rest is not null)
                {
                    await rest(results);
                }
            }
            return new Children(municipalities.ToLookup(m => m.ContractId), options.ToLookup(o => o.ContractId));
        }
    }

    private sealed class NumberedId
    {
        public long Id { get; init; }
        public string ContractNumber { get; init; } = "";
    }

    private sealed class MunicipalityRow
    {
        public long ContractId { get; init; }
        public string MunicipalityCode { get; init; } = "";
    }

    private sealed class OptionRow
    {
        public long ContractId { get; init; }
        public int Sequence { get; init; }
        public int DurationMonths { get; init; }
        public bool Exercised { get; init; }
    }
}
