using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Krx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Strategy;

/// <summary>
/// Builds each trading day's morning plan at <see cref="StrategyOptions.BuildAt"/> KST. A reminder wakes it once a
/// minute (the shortest period reminders allow); the time is checked against <see cref="TimeProvider"/>, so a changed
/// build time or a silo that was down at 08:00 needs no re-registration. While the US night or the previous session's
/// values are not all in, it asks again each minute, and after <see cref="StrategyOptions.WaitForData"/> builds with
/// what is there.
/// </summary>
public sealed class StrategySchedulerGrain(
    [PersistentState("schedule", StorageNames.Market)] IPersistentState<StrategySchedulerState> schedule,
    IOptions<StrategyOptions> options,
    TimeProvider time,
    ILogger<StrategySchedulerGrain> logger) : Grain, IStrategySchedulerGrain, IRemindable
{
    public const string ReminderName = "build-strategy";
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    // When this activation first found the due date's data incomplete: a restarted silo waits again, which costs minutes, not a plan.
    private (DateOnly Date, DateTimeOffset Since)? waiting;

    public async Task Start()
    {
        await this.RegisterOrUpdateReminder(ReminderName, Period, Period);
        logger.LogInformation("Strategy scheduler started: plans are built at {BuildAt} KST on trading days, next at {Next}",
            options.Value.BuildAt, BuildSchedule.Next(time.GetUtcNow(), options.Value.BuildAt, KrxCalendar.Default));
        await BuildIfDue();
    }

    public Task<DateOnly?> GetLastBuilt() => Task.FromResult(schedule.State.LastBuilt);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? BuildIfDue() : Task.CompletedTask;

    private async Task BuildIfDue()
    {
        var now = time.GetUtcNow();
        if (BuildSchedule.Due(now, options.Value.BuildAt, schedule.State.LastBuilt, KrxCalendar.Default) is not { } date) return;
        if (waiting?.Date != date) waiting = (date, now);
        try
        {
            var waitedEnough = now - waiting.Value.Since >= options.Value.WaitForData;
            var build = await GrainFactory.GetGrain<IStrategyGrain>(StrategyDates.Key(date)).BuildMorningPlan(evenIfIncomplete: waitedEnough);
            if (build.Plan is null)
            {
                logger.LogInformation("Strategy of {Date} not built yet: {Reason}", date, build.Waiting);
                return;
            }

            schedule.State = schedule.State with { LastBuilt = date };
            await schedule.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Not marked built: the next reminder tick, a minute later, tries again.
            logger.LogError(e, "Building the strategy of {Date} failed; retrying in a minute", date);
        }
    }
}
