namespace ParkCycle.Grains.Tests;

/// <summary>A test-only grain that registers reminders, to see where the cluster's reminder service keeps them.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan period);

    Task<IReadOnlyList<string>> GetReminderNamesAsync();

    Task UnregisterAsync(string name);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    // Due far in the future: the tests look at the stored reminder, not at ticks.
    public Task RegisterAsync(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), period);

    public async Task<IReadOnlyList<string>> GetReminderNamesAsync() => [.. (await this.GetReminders()).Select(r => r.ReminderName)];

    public async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
