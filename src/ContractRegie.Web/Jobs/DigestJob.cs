using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>Once a week, one summary per contractmanager of what is still open; a second run in the same week sends nothing.</summary>
public sealed class DigestJob(Database database, SignalRepository signals, SignalWriter writer, OutboxRepository outbox, MailAddressing addressing,
    TimeProvider time) : IContractRegieJob
{
    public string Name => "digest";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var open = new List<Signal>();
        foreach (var status in new[] { SignalStatus.Open, SignalStatus.Acknowledged })
        {
            open.AddRange((await signals.SearchAsync(new SignalFilter(Status: status), new PageRequest(1, int.MaxValue))).Items);
        }
        var queued = 0;
        await database.InTransactionAsync(async tx =>
        {
            foreach (var group in open.Where(s => s.Recipient is not null).GroupBy(s => s.Recipient!))
            {
                if (await writer.RecipientAddressAsync(group.Key, tx) is not { } address)
                {
                    continue;
                }
                var mail = SignalMail.Digest(group.OrderByDescending(s => s.Severity).ToList(), today, addressing.BaseUrl);
                var draft = new NotificationDraft(address, mail.Subject, mail.Text, mail.Html, group.Select(s => s.Id).ToList(), $"digest:{group.Key}:{week}");
                queued += await outbox.EnqueueAsync(draft, tx) ? 1 : 0;
            }
            return 0;
        }, cancellationToken);
        return $"{queued} weekoverzichten klaargezet voor week {week}.";
    }
}
