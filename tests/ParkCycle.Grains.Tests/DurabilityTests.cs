using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Storage;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SiloRestart_KeepsEveryAcknowledgedReport()
    {
        var (park, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);
        var acknowledged = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var outcome = await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(100 + i), Key());
            acknowledged.Add(outcome.ReportId!);
        }

        await fixture.RestartAsync();

        var reports = await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).GetReportsAsync(true);
        Assert.Equal(acknowledged, reports.Select(r => r.ReportId).ToArray());
        Assert.Contains(supplier, await fixture.Grains.GetGrain<IParkGrain>(park).GetMembersAsync());
        Assert.Equal(25, (await fixture.Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync()).Count);
    }

    [Fact]
    public async Task OpenReportsStoredWithoutTheirReminder_GetItWhenTheEnterpriseActivates()
    {
        // An enterprise as a version without the expiry reminder stored it: an open offer, no reminder flag.
        var park = NewPark();
        var id = $"{park}-legacy";
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EnterpriseState).Assembly)).BuildServiceProvider();
        var offer = new ReportRecord($"{id}-r1", 1, ReportKind.Offer, "test-user", ClusterFixture.Start, FlyAsh(), null, false, "legacy-key");
        await using (var database = new SqliteDatabase(fixture.DatabasePath))
        {
            var legacy = new GrainState<EnterpriseState>(new EnterpriseState { Profile = Enterprise(park, id), History = [offer], NextReport = 1 });
            await new SqliteGrainStorage(database, services.GetRequiredService<Serializer>()).WriteStateAsync("enterprise", GrainId.Create("enterprise", id), legacy);
        }

        Assert.Single(await fixture.Grains.GetGrain<IEnterpriseGrain>(id).GetReportsAsync()); // activates it

        Assert.Equal(["expiry"], await ReminderNamesAsync(id));
    }

    [Fact]
    public async Task Reports_AreAppendedToTheJournal_AndTheEnterpriseStateDoesNotGrow()
    {
        var (_, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);
        var grain = fixture.Grains.GetGrain<IEnterpriseGrain>(supplier);
        await grain.ReportByproductAsync(FlyAsh(100), Key());
        var afterOne = (await ReadStateAsync(supplier)).Length;
        for (var i = 0; i < 40; i++)
        {
            await grain.ReportByproductAsync(FlyAsh(101 + i), Key());
        }

        // The state holds profile, flows and flags only: 40 more reports leave it as it was.
        Assert.Equal(afterOne, (await ReadStateAsync(supplier)).Length);
        await using var database = new SqliteDatabase(fixture.DatabasePath);
        var journaled = await new SqliteReportJournal(database, Serializer()).ReadAsync(supplier);
        Assert.Equal(41, journaled.Count);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => $"{supplier}-r{n}"), journaled.Select(r => r.ReportId));
    }

    [Fact]
    public async Task HistoryKeptInTheStateByAnOlderVersion_MovesToTheJournal_AndNumberingGoesOn()
    {
        var park = NewPark();
        var id = $"{park}-old";
        var v1 = new ReportRecord($"{id}-r1", 1, ReportKind.Offer, "test-user", ClusterFixture.Start, FlyAsh(100), null, false, "old-1");
        var v2 = v1 with { Version = 2, Offer = FlyAsh(120), IdempotencyKey = "old-2" };
        var r2 = new ReportRecord($"{id}-r2", 1, ReportKind.Offer, "test-user", ClusterFixture.Start, FlyAsh(50), null, false, "old-3");
        await using (var database = new SqliteDatabase(fixture.DatabasePath))
        {
            var legacy = new GrainState<EnterpriseState>(new EnterpriseState { Profile = Enterprise(park, id), History = [v1, v2, r2], NextReport = 2, ExpiryReminder = true });
            await new SqliteGrainStorage(database, Serializer()).WriteStateAsync("enterprise", GrainId.Create("enterprise", id), legacy);
        }

        var grain = fixture.Grains.GetGrain<IEnterpriseGrain>(id);
        Assert.Equal([v1, v2, r2], await grain.GetReportsAsync(true));
        var next = await grain.ReportByproductAsync(FlyAsh(10), Key());
        // A retry of a moved version is still recognised by its key.
        var retry = await grain.CorrectByproductAsync($"{id}-r1", FlyAsh(120), new Submission("old-2", "test-user"));

        Assert.Equal($"{id}-r3", next.ReportId);
        Assert.True(retry.Duplicate);
        await using (var database = new SqliteDatabase(fixture.DatabasePath))
        {
            var stored = new GrainState<EnterpriseState>(new EnterpriseState());
            await new SqliteGrainStorage(database, Serializer()).ReadStateAsync("enterprise", GrainId.Create("enterprise", id), stored);
            Assert.Empty(stored.State!.History);
            Assert.Equal([$"{id}-r1", $"{id}-r1", $"{id}-r2", $"{id}-r3"], (await new SqliteReportJournal(database, Serializer()).ReadAsync(id)).Select(r => r.ReportId));
        }
    }

    private static Serializer Serializer() =>
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EnterpriseState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    private async Task<byte[]> ReadStateAsync(string enterprise)
    {
        await using var database = new SqliteDatabase(fixture.DatabasePath);
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM grain_state WHERE grain_id = $id AND state = 'enterprise'";
        command.Parameters.AddWithValue("$id", GrainId.Create("enterprise", enterprise).ToString());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task SnapshotVersions_NeverRepeatAcrossARestart()
    {
        var (park, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);
        for (var i = 0; i < 5; i++)
        {
            await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(100 + i), Key());
        }

        var before = (await fixture.Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync()).Version;
        // Read straight from the file, at once: what a crash now would leave. The park must already have stored a
        // bound at or past every version it has given (not only the last one it happened to analyse).
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(ParkState).Assembly)).BuildServiceProvider();
        var stored = new GrainState<ParkState>(new ParkState());
        await using (var database = new SqliteDatabase(fixture.DatabasePath))
        {
            await new SqliteGrainStorage(database, services.GetRequiredService<Serializer>()).ReadStateAsync("park", GrainId.Create("park", park), stored);
        }

        Assert.True(stored.State!.Version >= before, $"stored bound {stored.State.Version} < handed-out version {before}");
        await fixture.RestartAsync();
        await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(), Key());

        // Whether or not the park analysed (and so persisted) before the restart, the next change is past every version given.
        Assert.True((await fixture.Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync()).Version > before);
    }

    [Fact]
    public async Task StaleETagWrite_IsRefusedAndOverwritesNothing()
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EnterpriseState).Assembly)).BuildServiceProvider();
        var path = Path.Combine(Path.GetTempPath(), $"parkcycle-etag-{Guid.NewGuid():N}.db");
        await using var database = new SqliteDatabase(path);
        var storage = new SqliteGrainStorage(database, services.GetRequiredService<Serializer>());
        var id = GrainId.Create("enterprise", "stale-test");
        var a = new GrainState<EnterpriseState>(new EnterpriseState { NextReport = 1 });
        var b = new GrainState<EnterpriseState>(new EnterpriseState());
        await storage.WriteStateAsync("enterprise", id, a);
        await storage.ReadStateAsync("enterprise", id, b);

        a.State!.NextReport = 2;
        await storage.WriteStateAsync("enterprise", id, a); // a moves on; b now holds a stale etag
        b.State!.NextReport = 99;

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("enterprise", id, b));
        var read = new GrainState<EnterpriseState>(new EnterpriseState());
        await storage.ReadStateAsync("enterprise", id, read);
        Assert.Equal((2, "2"), (read.State!.NextReport, read.ETag));
        var fresh = new GrainState<EnterpriseState>(new EnterpriseState());
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("enterprise", id, fresh)); // an insert over an existing row
    }

    [Fact]
    public async Task AReport_RegistersTheExpiryReminder_InTheSqliteFile()
    {
        var (_, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);
        Assert.Empty(await ReminderNamesAsync(supplier));

        await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(), Key());
        await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(200), Key());

        Assert.Equal(["expiry/86400000"], await ReminderNamesAsync(supplier, withPeriod: true)); // one, however many reports
    }

    /// <summary>The enterprise's reminders as the SQLite file holds them.</summary>
    private async Task<string[]> ReminderNamesAsync(string enterprise, bool withPeriod = false)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, period_ms FROM reminders WHERE grain_id = $id ORDER BY name";
        command.Parameters.AddWithValue("$id", GrainId.Create("enterprise", enterprise).ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(withPeriod ? $"{reader.GetString(0)}/{reader.GetInt64(1)}" : reader.GetString(0));
        }

        return [.. names];
    }
}
