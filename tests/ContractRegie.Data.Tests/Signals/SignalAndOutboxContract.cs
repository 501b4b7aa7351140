using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Users;
using Dapper;

namespace ContractRegie.Data.Tests.Signals;

/// <summary>The signal writer's dedupe and the outbox's claims, on every engine.</summary>
public abstract class SignalAndOutboxContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);


    private (SignalWriter Writer, SignalRepository Signals, OutboxRepository Outbox) Create(MailPolicy? policy = null)
    {
        var clock = new FixedClock(Noon);
        var audit = new AuditTrail(Database, new FixedActor("job:test"), clock);
        var signals = new SignalRepository(Database, audit, clock);
        var outbox = new OutboxRepository(Database, audit, clock);
        var users = new UserRepository(Database, audit);
        // Every severity is mailed at once here, so each news item shows as a mail in the outbox.
        var addressing = new MailAddressing("https://cr.example", "fallback@almelo.example") { Policy = policy ?? new MailPolicy(SignalSeverity.Info, 1000) };
        return (new SignalWriter(signals, outbox, new SignalMailRepository(Database, clock), users, addressing, clock), signals, outbox);
    }

    /// <summary>One draft as a run of its own that owns no kinds, so it closes nothing of the other tests on this database.</summary>
    private static async Task<SignalChange> RaiseAsync(SignalWriter writer, SignalDraft draft, System.Data.Common.DbTransaction transaction)
    {
        var run = writer.BeginRun([]);
        var change = await run.RaiseAsync(draft, transaction);
        await run.CompleteAsync(transaction);
        return change;
    }

    /// <summary>A writer whose audit entries carry <paramref name="actor"/>, so a test finds its own; every severity is mailed at once.</summary>
    private (SignalWriter Writer, SignalRepository Signals, OutboxRepository Outbox, AuditTrail Audit) WithActor(string actor)
    {
        var clock = new FixedClock(Noon);
        var audit = new AuditTrail(Database, new FixedActor(actor), clock);
        var signals = new SignalRepository(Database, audit, clock);
        var outbox = new OutboxRepository(Database, audit, clock);
        var addressing = new MailAddressing("https://cr.example", "fallback@almelo.example") { Policy = new MailPolicy(SignalSeverity.Info, 1000) };
        return (new SignalWriter(signals, outbox, new SignalMailRepository(Database, clock), new UserRepository(Database, audit), addressing, clock), signals, outbox, audit);
    }

    private static List<string> Keys(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static SignalDraft Draft(string key, int stage, string facts = "feiten") =>
        new(SignalKind.DecisionDue, SignalSeverity.Info, "contract", 1, "Besluit nodig", facts, key, stage, "geen-account");

    [EngineFact]
    public async Task UpdatedSince_lists_only_the_signals_changed_at_or_after_that_instant()
    {
        var clock = new FixedClock(Noon);
        var audit = new AuditTrail(Database, new FixedActor("job:test"), clock);
        var signals = new SignalRepository(Database, audit, clock);
        var writer = new SignalWriter(signals, new OutboxRepository(Database, audit, clock), new SignalMailRepository(Database, clock),
            new UserRepository(Database, audit), new MailAddressing("https://cr.example", "fallback@almelo.example"), clock);
        var (early, late) = ("test:" + Unique.Token(), "test:" + Unique.Token());
        await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(early, 6), tx));
        clock.Now = Noon.AddHours(1);
        await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(late, 6), tx));

        var keys = (await signals.SearchAsync(new SignalFilter(Kind: SignalKind.DecisionDue, UpdatedSince: Noon.AddMinutes(30)), new PageRequest(1, 500)))
            .Items.Select(signal => signal.DedupeKey).ToList();

        Assert.Contains(late, keys);
        Assert.DoesNotContain(early, keys);
    }

    [EngineFact]
    public async Task The_same_condition_twice_is_one_signal_and_one_mail_and_a_new_stage_reopens_it_with_a_second_mail()
    {
        var (writer, signals, outbox) = Create();
        var key = "test:" + Unique.Token();
        var before = (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount;

        Assert.Equal(SignalChange.Raised, await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(key, 6), tx)));
        Assert.Equal(SignalChange.Unchanged, await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(key, 6, "nieuwe feiten"), tx)));
        var stored = (await signals.SearchAsync(new SignalFilter(Kind: SignalKind.DecisionDue), new PageRequest(1, 500))).Items.Single(s => s.DedupeKey == key);
        Assert.Equal("nieuwe feiten", stored.Facts);
        await signals.SetStatusAsync(stored.Id, SignalStatus.Resolved, "afgehandeld");

        Assert.Equal(SignalChange.Escalated, await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(key, 3), tx)));

        var reopened = (await signals.ReadByIdAsync(stored.Id))!;
        Assert.Equal((SignalStatus.Open, 3), (reopened.Status, reopened.Stage));
        Assert.Equal(before + 2, (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount);
    }

    [EngineFact]
    public async Task A_run_closes_the_open_signals_of_its_kinds_it_no_longer_finds_and_a_returning_cause_is_news_again()
    {
        var (writer, signals, _) = Create();
        // No other data test raises ProcurementMustStart, so this run's closing touches only its own signals.
        SignalDraft Expiring(string key) => Draft(key, 6) with { Kind = SignalKind.ProcurementMustStart };
        var (kept, gone) = ("kept:" + Unique.Token(), "gone:" + Unique.Token());
        await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([SignalKind.ProcurementMustStart]);
            await run.RaiseAllAsync([Expiring(kept), Expiring(gone)], tx);
            return await run.CompleteAsync(tx);
        });

        var result = await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([SignalKind.ProcurementMustStart]);
            await run.RaiseAsync(Expiring(kept), tx);
            return await run.CompleteAsync(tx);
        });

        var all = (await signals.SearchAsync(new SignalFilter(Kind: SignalKind.ProcurementMustStart), new PageRequest(1, 500))).Items;
        Assert.Equal(1, result.Closed);
        Assert.Equal(SignalStatus.Open, all.Single(s => s.DedupeKey == kept).Status);
        var closed = all.Single(s => s.DedupeKey == gone);
        Assert.Equal((SignalStatus.Resolved, SignalStages.CauseGone), (closed.Status, closed.Stage));
        Assert.StartsWith("Automatisch afgehandeld op 01-03-2026: deze termijn geldt niet meer", closed.ResolutionNote);
        Assert.Equal(SignalChange.Escalated, await Database.InTransactionAsync(tx => RaiseAsync(writer, Expiring(gone), tx)));
    }

    [EngineFact]
    public async Task A_signal_resolved_by_hand_while_a_run_is_under_way_keeps_that_resolution_when_the_run_no_longer_finds_it()
    {
        // A kind no other test here owns, so closing what the run no longer finds touches only this test's signals.
        const SignalKind kind = SignalKind.FinancialStatementMissing;
        var (writer, signals, _) = Create();
        SignalDraft Missing(string key) => Draft(key, 6) with { Kind = kind };
        var (found, handled, gone) = ("found:" + Unique.Token(), "handled:" + Unique.Token(), "gone:" + Unique.Token());
        await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([kind]);
            await run.RaiseAllAsync([Missing(found), Missing(handled), Missing(gone)], tx);
            return await run.CompleteAsync(tx);
        });

        var result = await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([kind]);
            await run.RaiseAsync(Missing(found), tx); // the run has read its kind's signals to compare with
            await tx.Connection!.ExecuteAsync("UPDATE signal SET status = @Status, resolution_note = @Note WHERE dedupe_key = @Key",
                new { Status = nameof(SignalStatus.Resolved), Note = "Jaarrekening per post ontvangen", Key = handled }, tx);
            return await run.CompleteAsync(tx);
        });

        var ours = (await Database.InTransactionAsync(tx => signals.ReadByKindAsync(kind, tx))).ToDictionary(s => s.DedupeKey);
        Assert.Equal(1, result.Closed);
        Assert.Equal(SignalStatus.Open, ours[found].Status);
        Assert.Equal((SignalStatus.Resolved, 6, "Jaarrekening per post ontvangen"), (ours[handled].Status, ours[handled].Stage, ours[handled].ResolutionNote));
        Assert.Equal((SignalStatus.Resolved, SignalStages.CauseGone), (ours[gone].Status, ours[gone].Stage));
    }

    [EngineFact]
    public async Task A_signal_below_the_threshold_waits_for_the_digest_which_carries_it_once()
    {
        var (writer, signals, outbox) = Create(MailPolicy.Default);
        var key = "digest:" + Unique.Token();
        var before = (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount;

        await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(key, 6), tx));
        Assert.Equal(before, (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount);
        await Database.InTransactionAsync(tx => writer.QueueDigestsAsync(new DateOnly(2026, 3, 1), tx));
        await Database.InTransactionAsync(tx => writer.QueueDigestsAsync(new DateOnly(2026, 3, 1), tx));

        var id = (await signals.SearchAsync(new SignalFilter(Kind: SignalKind.DecisionDue), new PageRequest(1, 500))).Items.Single(s => s.DedupeKey == key).Id;
        var carrying = new List<Notification>();
        foreach (var notification in (await outbox.SearchAsync(null, new PageRequest(1, 500))).Items)
        {
            if ((await outbox.ReadSignalIdsAsync(notification.Id)).Contains(id))
            {
                carrying.Add(notification);
            }
        }
        var digest = Assert.Single(carrying);
        // The contractmanager has no account: the fallback stands in for the contractmanagers' mailbox.
        Assert.Equal(("fallback@almelo.example", "digest:rol:Contractmanager:2026-03-01"), (digest.Recipient, digest.DedupeKey));
    }

    [EngineFact]
    public async Task A_rolled_back_job_leaves_neither_signal_nor_mail()
    {
        var (writer, signals, outbox) = Create();
        var key = "rollback:" + Unique.Token();
        var before = (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.InTransactionAsync<int>(async tx =>
        {
            await RaiseAsync(writer, Draft(key, 6), tx);
            throw new InvalidOperationException("job afgebroken");
        }));

        Assert.DoesNotContain((await signals.SearchAsync(new SignalFilter(), new PageRequest(1, 500))).Items, s => s.DedupeKey == key);
        Assert.Equal(before, (await outbox.SearchAsync(null, new PageRequest(1, 1))).TotalCount);
    }

    [EngineFact]
    public async Task Concurrent_dispatchers_never_claim_the_same_mail()
    {
        var (writer, _, outbox) = Create();
        for (var i = 0; i < 20; i++)
        {
            var key = "claim:" + Unique.Token();
            await Database.InTransactionAsync(tx => RaiseAsync(writer, Draft(key, 6), tx));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => outbox.ClaimDueAsync(TimeSpan.FromMinutes(5), 1000))));

        var ids = claims.SelectMany(c => c.Select(n => n.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 20, $"claimed {ids.Count}");
        Assert.Empty(await outbox.ClaimDueAsync(TimeSpan.FromMinutes(5), 1000));
    }

    [EngineFact]
    public async Task Only_a_failed_mail_can_be_queued_again_with_fresh_attempts_and_that_is_audited()
    {
        var (_, _, outbox) = Create();
        var key = "requeue:" + Unique.Token();
        await Database.InTransactionAsync(tx => outbox.EnqueueAsync(new NotificationDraft("cm@almelo.example", "Onderwerp", "tekst", "<p>tekst</p>", [], key), tx));
        var queued = (await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, 500))).Items.Single(n => n.DedupeKey == key);

        Assert.False(await outbox.RequeueFailedAsync(queued.Id));
        await outbox.MarkFailedAsync(queued.Id, "550 mailbox unavailable");
        var failed = (await Database.InTransactionAsync(outbox.ReadFailedAsync)).Single(n => n.Id == queued.Id);
        Assert.Equal((Noon, "550 mailbox unavailable"), (failed.QueuedAt, failed.LastError));
        // Requeued three days later: the retry horizon runs from then.
        var later = new FixedClock(Noon.AddDays(3));
        var outboxLater = new OutboxRepository(Database, new AuditTrail(Database, new FixedActor("job:test"), later), later);
        Assert.True(await outboxLater.RequeueFailedAsync(queued.Id));
        Assert.Null(await outboxLater.RequeueFailedAsync(-queued.Id));

        var again = (await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, 500))).Items.Single(n => n.Id == queued.Id);
        Assert.Equal(0, again.Attempts);
        Assert.Null(again.FailedAt);
        Assert.Equal((Noon.AddDays(3), Noon.AddDays(3)), (again.NextAttemptAt, again.QueuedAt));
        Assert.DoesNotContain(queued.Id, (await Database.InTransactionAsync(outbox.ReadFailedAsync)).Select(n => n.Id));
        var audit = new AuditTrail(Database, new FixedActor("job:test"), new FixedClock(Noon));
        var entry = Assert.Single((await audit.SearchAsync(new AuditFilter("notification", queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new PageRequest(1, 10))).Items);
        Assert.Contains("550 mailbox unavailable", entry.BeforeData);
        Assert.DoesNotContain("cm@almelo.example", entry.BeforeData + entry.AfterData);
    }

    [EngineFact]
    public async Task Most_urgent_first_is_the_most_severe_then_the_nearest_deadline_with_undated_signals_last()
    {
        var (writer, signals, _) = Create();
        var recipient = "urgency-" + Unique.Token();
        SignalDraft Draft(string title, SignalSeverity severity, DateOnly? dueOn) =>
            new(SignalKind.DecisionDue, severity, "contract", 1, title, "feiten", "urgency:" + Unique.Token(), 1, recipient, dueOn);
        foreach (var draft in new[]
                 {
                     Draft("warning-soonest", SignalSeverity.Warning, new DateOnly(2026, 3, 2)),
                     Draft("critical-later", SignalSeverity.Critical, new DateOnly(2026, 9, 1)),
                     Draft("critical-undated", SignalSeverity.Critical, null),
                     Draft("critical-sooner", SignalSeverity.Critical, new DateOnly(2026, 3, 15)),
                     Draft("high", SignalSeverity.High, new DateOnly(2026, 5, 1)),
                 })
        {
            await Database.InTransactionAsync(tx => RaiseAsync(writer, draft, tx));
        }

        var ordered = (await signals.SearchAsync(new SignalFilter(Recipient: recipient), new PageRequest(1, 10), SignalOrder.Urgency)).Items;

        Assert.Equal(["critical-sooner", "critical-later", "critical-undated", "high", "warning-soonest"], ordered.Select(s => s.Title));
        Assert.Equal(new DateOnly(2026, 3, 15), ordered[0].DueOn);
    }

    [EngineFact]
    public async Task A_mail_carries_any_number_of_signals_and_a_claim_reads_only_as_many_as_it_takes()
    {
        var (_, _, outbox) = Create();
        // 400 ids of 7 digits and their commas are 3,200 characters: more than the old 1,000-character column held.
        var carried = Enumerable.Range(0, 400).Select(i => 2_000_000L + i * 3).ToList();
        var key = "veel:" + Unique.Token();
        var id = await Database.InTransactionAsync(tx => outbox.EnqueueAsync(
            new NotificationDraft("cm@almelo.example", "Overzicht", "tekst", "<p>tekst</p>", [.. carried, carried[0]], key), tx));

        Assert.NotNull(id);
        Assert.Equal(carried, await outbox.ReadSignalIdsAsync(id.Value));

        // With at least three claimable mails due at noon, a claim of two takes two and leaves the rest.
        foreach (var more in new[] { key + ":2", key + ":3" })
        {
            await Database.InTransactionAsync(tx => outbox.EnqueueAsync(new NotificationDraft("cm@almelo.example", "Los", "tekst", "<p>tekst</p>", [1], more), tx));
        }
        var queued = (await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, 1))).TotalCount;
        var claimed = await outbox.ClaimDueAsync(TimeSpan.FromMinutes(1), 2);
        Assert.Equal(2, claimed.Count);
        Assert.Equal(2, claimed.Select(n => n.Id).Distinct().Count());
        Assert.Empty((await outbox.ClaimDueAsync(TimeSpan.FromMinutes(1), queued)).Select(n => n.Id).Intersect(claimed.Select(n => n.Id)));
    }

    [EngineFact]
    public async Task A_run_of_a_job_that_owns_the_kind_finds_its_earlier_signals_and_its_own_within_the_run()
    {
        var (writer, _, _) = Create();
        var key = "eigen:" + Unique.Token();
        var other = "eigen-ander:" + Unique.Token();

        // The job's kind is read once per run: a signal raised earlier in the run and one from the run before are both found.
        var first = await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([SignalKind.DecisionDue]);
            var changes = new[] { await run.RaiseAsync(Draft(key, 6), tx), await run.RaiseAsync(Draft(key, 6), tx), await run.RaiseAsync(Draft(key, 3), tx) };
            await run.RaiseAsync(Draft(other, 6), tx);
            await run.CompleteAsync(tx);
            return changes;
        });
        var second = await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([SignalKind.DecisionDue]);
            var changes = new[] { await run.RaiseAsync(Draft(key, 3), tx), await run.RaiseAsync(Draft(other, 1), tx) };
            await run.CompleteAsync(tx);
            return changes;
        });

        Assert.Equal([SignalChange.Raised, SignalChange.Unchanged, SignalChange.Escalated], first);
        Assert.Equal([SignalChange.Unchanged, SignalChange.Escalated], second);
    }

    [EngineFact]
    public async Task A_run_with_more_new_signals_than_one_batch_stores_and_audits_each_once_and_one_mail_carries_them_all()
    {
        // More than a save batch and not a multiple of the engines' rows per INSERT, so full and partial batches both run.
        const int count = SignalRun.SaveEvery + 70;
        var actor = "job:batch-" + Unique.Token();
        var (writer, signals, outbox, audit) = WithActor(actor);
        var prefix = "batch:" + Unique.Token() + ":";
        var keys = Keys(prefix, count);

        var (tally, result) = await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([]);
            var raised = await run.RaiseAllAsync(keys.Select(key => Draft(key, 6)), tx);
            return (raised, await run.CompleteAsync(tx));
        });

        Assert.Equal(new SignalTally(count, 0), tally);
        Assert.Equal(1, result.ImmediateMails);
        var stored = new List<Signal>();
        foreach (var key in keys)
        {
            stored.Add(await Database.InTransactionAsync(tx => signals.ReadByDedupeKeyAsync(key, tx)) ?? throw new Xunit.Sdk.XunitException("missing " + key));
        }
        Assert.All(stored, signal => Assert.Equal((SignalStatus.Open, 6, "feiten"), (signal.Status, signal.Stage, signal.Facts)));
        var entries = (await audit.SearchAsync(new AuditFilter(Entity: "signal", Actor: actor), new PageRequest(1, 2 * count))).Items;
        Assert.Equal(stored.Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), entries.Select(e => e.EntityId).Order());
        Assert.All(entries, entry => Assert.Equal((AuditAction.Create, (string?)null), (entry.Action, entry.BeforeData)));
        Assert.All(entries, entry => Assert.Contains(prefix, entry.AfterData));
        // The fallback mailbox gets one mail whose links name exactly these signals.
        var mails = (await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, 500))).Items.Where(n => n.Recipient == "fallback@almelo.example");
        var carried = new List<IReadOnlyList<long>>();
        foreach (var mail in mails)
        {
            carried.Add(await outbox.ReadSignalIdsAsync(mail.Id));
        }
        Assert.Equal(stored.Select(s => s.Id).Order(), Assert.Single(carried, ids => ids.Contains(stored[0].Id)));
    }

    [EngineFact]
    public async Task Escalations_changed_facts_and_closures_of_more_than_one_batch_are_each_written_and_audited_once()
    {
        // A kind no other test here owns, so closing what a run no longer finds touches only this test's signals.
        const SignalKind kind = SignalKind.BudgetNearlyExhausted;
        const int count = SignalRun.SaveEvery + 70, escalated = 450, stillFound = 10;
        var actor = "job:sets-" + Unique.Token();
        var (writer, signals, _, audit) = WithActor(actor);
        var prefix = "sets:" + Unique.Token() + ":";
        var keys = Keys(prefix, count);
        SignalDraft Budget(string key, int stage, string facts = "feiten") => Draft(key, stage, facts) with { Kind = kind };
        async Task<(SignalTally Tally, RunResult Result)> RunAsync(IEnumerable<SignalDraft> drafts) => await Database.InTransactionAsync(async tx =>
        {
            var run = writer.BeginRun([kind]);
            var tally = await run.RaiseAllAsync(drafts, tx);
            return (tally, await run.CompleteAsync(tx));
        });
        async Task<IReadOnlyList<Signal>> OursAsync() =>
            [.. (await Database.InTransactionAsync(tx => signals.ReadByKindAsync(kind, tx))).Where(s => s.DedupeKey.StartsWith(prefix, StringComparison.Ordinal))];

        await RunAsync(keys.Select(key => Budget(key, 6)));
        var second = await RunAsync(keys.Select((key, i) => i < escalated ? Budget(key, 3) : Budget(key, 6, "nieuwe feiten")));
        var afterSecond = (await OursAsync()).ToDictionary(s => s.DedupeKey);
        var third = await RunAsync(keys.Take(stillFound).Select(key => Budget(key, 3)));
        var afterThird = (await OursAsync()).ToDictionary(s => s.DedupeKey);

        // The kind is routed to Financiën and the contract manager: each gets one mail with all the escalations.
        Assert.Equal((new SignalTally(0, escalated), 0, 2), (second.Tally, second.Result.Closed, second.Result.ImmediateMails));
        Assert.All(keys.Take(escalated), key => Assert.Equal((SignalStatus.Open, 3, "feiten"), (afterSecond[key].Status, afterSecond[key].Stage, afterSecond[key].Facts)));
        Assert.All(keys.Skip(escalated), key => Assert.Equal((SignalStatus.Open, 6, "nieuwe feiten"), (afterSecond[key].Status, afterSecond[key].Stage, afterSecond[key].Facts)));
        Assert.Equal((new SignalTally(0, 0), count - stillFound), (third.Tally, third.Result.Closed));
        Assert.All(keys.Take(stillFound), key => Assert.Equal((SignalStatus.Open, 3), (afterThird[key].Status, afterThird[key].Stage)));
        Assert.All(keys.Skip(stillFound), key =>
        {
            Assert.Equal((SignalStatus.Resolved, SignalStages.CauseGone), (afterThird[key].Status, afterThird[key].Stage));
            Assert.StartsWith("Automatisch afgehandeld op", afterThird[key].ResolutionNote);
        });
        // The escalations and new facts are the job's, the closures the system's: one entry per signal for each.
        var ids = afterThird.Values.Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var updates = (await audit.SearchAsync(new AuditFilter(Entity: "signal", Actor: actor), new PageRequest(1, 4 * count))).Items
            .Where(e => e.Action == AuditAction.Update).ToList();
        Assert.Equal(ids.Order(), updates.Select(e => e.EntityId).Order());
        var closures = (await audit.SearchAsync(new AuditFilter(Entity: "signal", Actor: AuditTrail.SystemActor), new PageRequest(1, 100_000))).Items
            .Where(e => ids.Contains(e.EntityId)).ToList();
        var closed = keys.Skip(stillFound).Select(key => afterThird[key].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(closed.Order(), closures.Select(e => e.EntityId).Order());
        Assert.All(closures, entry => Assert.Contains("Automatisch afgehandeld", entry.AfterData));
    }
}
