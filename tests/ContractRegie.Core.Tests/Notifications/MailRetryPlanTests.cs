using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Tests.Notifications;

public sealed class MailRetryPlanTests
{
    private static readonly DateTimeOffset Queued = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    // attempts, minutes after queueing of the failure, minutes after queueing of the next try
    [InlineData(1, 0, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 3, 7)]
    [InlineData(7, 63, 123)] // 64 minutes would exceed the hour cap
    [InlineData(40, 600, 660)] // far beyond the cap: still an hour
    public void A_failure_within_the_horizon_is_tried_again_after_a_doubling_delay_of_at_most_an_hour(int attempts, int failedAt, int nextAt) =>
        Assert.Equal(Queued.AddMinutes(nextAt), MailRetryPlan.Default.NextAttempt(Queued, attempts, Queued.AddMinutes(failedAt)));

    [Fact]
    public void The_last_try_falls_on_the_horizon_and_a_failure_there_gives_up()
    {
        var horizon = Queued.AddHours(48);

        Assert.Equal(horizon, MailRetryPlan.Default.NextAttempt(Queued, 50, horizon.AddMinutes(-20)));
        Assert.Null(MailRetryPlan.Default.NextAttempt(Queued, 51, horizon));
        Assert.Null(MailRetryPlan.Default.NextAttempt(Queued, 51, horizon.AddMinutes(5)));
    }

    [Fact]
    public void A_shorter_configured_horizon_gives_up_sooner()
    {
        var plan = new MailRetryPlan(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(31));

        Assert.Equal(Queued.AddMinutes(31), plan.NextAttempt(Queued, 5, Queued.AddMinutes(15)));
        Assert.Null(plan.NextAttempt(Queued, 6, Queued.AddMinutes(31)));
    }

    [Fact]
    public void A_given_up_mail_is_a_high_signal_about_that_mail_for_the_beheerder()
    {
        var signal = UndeliverableMail.Signal(42, "Besluit nodig", Queued, new string('x', 2000));

        Assert.Equal((SignalKind.MailUndeliverable, SignalSeverity.High, "notification", 42L), (signal.Kind, signal.Severity, signal.SubjectType, signal.SubjectId));
        Assert.Equal("mail-undeliverable:42", signal.DedupeKey);
        Assert.Contains("In de wachtrij sinds 01-03-2026 08:00", signal.Facts);
        Assert.True(signal.Facts.Length <= 2000);
        Assert.Equal([new Addressee(Role.Beheerder)], MailRouting.Defaults[SignalKind.MailUndeliverable]);
    }
}
