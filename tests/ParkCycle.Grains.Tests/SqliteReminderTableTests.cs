using ParkCycle.Grains.Storage;

namespace ParkCycle.Grains.Tests;

/// <summary>The embedded reminder table on a real SQLite file: rows survive reopening, ranges wrap, stale removes fail.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parkcycle-reminders-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upsert_IsDurable_AndAdvancesTheETag()
    {
        var grain = GrainId.Create("enterprise", "rem-a");
        var start = new DateTime(2025, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        string first, second;
        await using (var database = new SqliteDatabase(_path))
        {
            var table = new SqliteReminderTable(database);
            await table.Init();
            first = (await table.UpsertRow(Entry(grain, "expiry", start)))!;
            second = (await table.UpsertRow(Entry(grain, "expiry", start.AddHours(1))))!;
        }

        await using var reopened = new SqliteDatabase(_path);
        var row = await new SqliteReminderTable(reopened).ReadRow(grain, "expiry");
        Assert.NotNull(row);
        Assert.Equal(("1", "2"), (first, second));
        Assert.Equal((grain, "2", start.AddHours(1), TimeSpan.FromHours(24)), (row.GrainId, row.ETag, row.StartAt, row.Period));
    }

    [Fact]
    public async Task RemoveWithAStaleETag_Fails_AndKeepsTheRow()
    {
        await using var database = new SqliteDatabase(_path);
        var table = new SqliteReminderTable(database);
        await table.Init();
        var grain = GrainId.Create("enterprise", "rem-b");
        var stale = (await table.UpsertRow(Entry(grain, "expiry", DateTime.UtcNow)))!;
        var current = (await table.UpsertRow(Entry(grain, "expiry", DateTime.UtcNow)))!;

        Assert.False(await table.RemoveRow(grain, "expiry", stale));
        Assert.NotNull(await table.ReadRow(grain, "expiry"));
        Assert.True(await table.RemoveRow(grain, "expiry", current));
        Assert.Null(await table.ReadRow(grain, "expiry"));
    }

    [Fact]
    public async Task RangeReads_SelectByGrainHash_AndWrapAroundTheRing()
    {
        await using var database = new SqliteDatabase(_path);
        var table = new SqliteReminderTable(database);
        await table.Init();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("enterprise", $"rem-range-{i}")).ToList();
        foreach (var g in grains)
        {
            await table.UpsertRow(Entry(g, "expiry", DateTime.UtcNow));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[10], hashes[30]);

        var inside = await table.ReadRows(low, high);
        var wrapped = await table.ReadRows(high, low);

        // (low, high] holds ranks 11..30; the wrapped range (high, low] the other 20.
        Assert.Equal(20, inside.Reminders.Count);
        Assert.All(inside.Reminders, r => Assert.InRange(r.GrainId.GetUniformHashCode(), low + 1, high));
        Assert.Equal(20, wrapped.Reminders.Count);
        Assert.Empty(inside.Reminders.Select(r => r.GrainId).Intersect(wrapped.Reminders.Select(r => r.GrainId)));
        Assert.Single((await table.ReadRows(grains[0])).Reminders);
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = TimeSpan.FromHours(24) };
}
