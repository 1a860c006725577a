using ParkCycle.Domain.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Storage;
using static ParkCycle.Grains.Tests.Builders;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// A real cluster: silos on 127.0.0.1 (different ports) sharing PostgreSQL through Orleans' ADO.NET providers for
/// membership, grain state and reminders, on ParkCycle's schema. Needs the PostgreSQL that deploy/postgres-up.sh
/// starts (tests/run.sh runs it first); fails, with the reason, when it is not there.
/// </summary>
public sealed class PostgresClusterTests
{
    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("PARKCYCLE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle;Timeout=5;Maximum Pool Size=20";

    private static async Task<IHost> StartSiloAsync(string clusterId, int index, string? connectionString = null, string? serviceId = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ParkCycle:Store"] = "postgres",
            ["ParkCycle:Postgres"] = connectionString ?? ConnectionString,
            ["ParkCycle:ClusterId"] = clusterId,
            ["ParkCycle:ServiceId"] = serviceId ?? "parkcycle",
            ["ParkCycle:SiloPort"] = (11411 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ParkCycle:GatewayPort"] = (30411 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ParkCycle:SeedDataset"] = string.Empty,
            ["ParkCycle:AnalysisDebounceMs"] = "50",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseParkCycle(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task ThreeSilos_ShareState_AndSurviveOneStopping()
    {
        await RequirePostgresAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        var silos = new List<IHost>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await StartSiloAsync(clusterId, i));
            }

            var management = silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var active = await WaitForAsync(async () => (await management.GetHosts(onlyActive: true)).Count, 3);
            Assert.Equal(3, active);

            var park = NewPark();
            var grains = silos.Select(s => s.Services.GetRequiredService<IGrainFactory>()).ToList();
            await grains[0].GetGrain<IParkGrain>(park).SetupAsync(new ParkSetup(park, park, 2025, []));
            var ids = Enumerable.Range(0, 12).Select(i => $"{park}-e{i}").ToList();
            await Task.WhenAll(ids.Select((id, i) => grains[i % 3].GetGrain<IEnterpriseGrain>(id).RegisterAsync(Enterprise(park, id), [])));
            var acknowledged = new List<(string Enterprise, string Report)>();
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime); // these silos run on the real clock
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var outcome = await grains[i % 3].GetGrain<IEnterpriseGrain>(id).ReportByproductAsync(FlyAsh(100 + i) with { AvailableFrom = today, AvailableTo = today.AddYears(1) }, Key());
                Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Reason}")));
                acknowledged.Add((id, outcome.ReportId!));
            }

            // Any silo reaches the same enterprise.
            foreach (var g in grains)
            {
                Assert.Equal(acknowledged[5].Report, (await g.GetGrain<IEnterpriseGrain>(ids[5]).GetReportsAsync()).Single().ReportId);
            }

            await silos[1].StopAsync();
            silos[1].Dispose();
            silos.RemoveAt(1);

            // The survivors take over the stopped silo's grains, from PostgreSQL: nothing acknowledged is lost.
            foreach (var (id, report) in acknowledged)
            {
                var reports = await grains[2].GetGrain<IEnterpriseGrain>(id).GetReportsAsync(true);
                Assert.Equal(report, reports.Single().ReportId);
            }

            Assert.Equal(12, (await grains[0].GetGrain<IParkGrain>(park).GetMembersAsync()).Count);
        }
        finally
        {
            foreach (var s in silos)
            {
                await s.StopAsync();
                s.Dispose();
            }
        }
    }

    /// <summary>Every key Orleans' ADO.NET clustering, persistence and reminder providers read from OrleansQuery.</summary>
    private static readonly string[] ProviderQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        "ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public async Task Schema_TwoSilosStartTogetherOnAnEmptyDatabase_AppliedOnceAndReappliedHarmlessly()
    {
        await RequirePostgresAsync();

        // A fresh schema stands in for an empty database: the parkcycle role owns its database but may not create others.
        var schema = $"pc_empty_{Guid.NewGuid():N}";
        var isolated = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
        await using var owner = NpgsqlDataSource.Create(ConnectionString);
        await ExecuteAsync(owner, $"CREATE SCHEMA {schema}");
        var silos = new List<IHost>();
        try
        {
            var clusterId = $"test-{Guid.NewGuid():N}";
            silos.AddRange(await Task.WhenAll(StartSiloAsync(clusterId, 3, isolated), StartSiloAsync(clusterId, 4, isolated)));
            var management = silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            Assert.Equal(2, await WaitForAsync(async () => (await management.GetHosts(onlyActive: true)).Count, 2));

            await using var data = NpgsqlDataSource.Create(isolated);
            Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), (await ReadStringsAsync(data, "SELECT QueryKey FROM OrleansQuery")).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["orleans_cluster_member", "orleans_cluster_version", "orleans_grain_state", "orleans_reminder", "orleansquery", "parkcycle_report_history"],
                (await ReadStringsAsync(data, "SELECT tablename FROM pg_tables WHERE schemaname = $1", schema)).Order(StringComparer.Ordinal));

            // Applying again (a restart, a newer ParkCycle) replaces edited or outdated query text and keeps the data.
            await ExecuteAsync(data, "UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'GatewaysQueryKey'");
            await new PostgresClusterSchema(data, NullLogger<PostgresClusterSchema>.Instance).ApplyAsync(CancellationToken.None);
            Assert.Contains("orleans_cluster_member", (await ReadStringsAsync(data, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'")).Single(), StringComparison.Ordinal);
            Assert.Equal(["2"], await ReadStringsAsync(data, "SELECT count(*)::text FROM orleans_cluster_member WHERE DeploymentId = $1 AND Status = 3", clusterId));
        }
        finally
        {
            await StopAllAsync(silos);
            await ExecuteAsync(owner, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    [Fact]
    public async Task GrainStorage_StaleETag_RefusedWithInconsistentState()
    {
        await RequirePostgresAsync();
        var silos = new List<IHost> { await StartSiloAsync($"test-{Guid.NewGuid():N}", 5) };
        try
        {
            var storage = silos[0].Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var key = $"etag-{Guid.NewGuid():N}";
            var grain = GrainId.Create("enterprise", key);
            const string State = "enterprise";

            var written = new EnterpriseState { NextReport = 1 };
            var first = new GrainState<EnterpriseState>(written);
            await storage.WriteStateAsync(State, grain, first);
            var second = new GrainState<EnterpriseState>();
            await storage.ReadStateAsync(State, grain, second);
            Assert.Equal(first.ETag, second.ETag);
            var stale = Assert.IsType<EnterpriseState>(second.State);

            written.NextReport = 2;
            written.Flows = [new DeclaredFlow("f1", "ext:import", "e1", "coal", 10, "t", FlowStatus.Existing, null)];
            await storage.WriteStateAsync(State, grain, first);
            Assert.NotEqual(second.ETag, first.ETag);

            // The second handle still holds the first version: its write must not overwrite the newer one.
            stale.NextReport = 99;
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(State, grain, second));
            // Nor may a handle that never read the row create it again.
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(State, grain, new GrainState<EnterpriseState>(new EnterpriseState { NextReport = 98 })));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(State, grain, second));

            var stored = new GrainState<EnterpriseState>();
            await storage.ReadStateAsync(State, grain, stored);
            Assert.True(stored.RecordExists);
            Assert.Equal(first.ETag, stored.ETag);
            var read = Assert.IsType<EnterpriseState>(stored.State);
            Assert.Equal(2, read.NextReport);
            Assert.Equal("f1", Assert.Single(read.Flows).Id);

            // Stored in Orleans' binary form, not the provider's default JSON.
            await using var data = NpgsqlDataSource.Create(ConnectionString);
            await using var payload = data.CreateCommand("SELECT PayloadBinary FROM orleans_grain_state WHERE GrainIdExtensionString = $1");
            payload.Parameters.Add(new NpgsqlParameter { Value = key });
            var bytes = (byte[]?)await payload.ExecuteScalarAsync();
            Assert.NotNull(bytes);
            Assert.NotEqual((byte)'{', bytes[0]);
        }
        finally
        {
            await StopAllAsync(silos);
        }
    }

    [Fact]
    public async Task Reminder_RegisteredThroughAGrain_IsARowInPostgres_AndOutlivesItsSilo()
    {
        await RequirePostgresAsync();

        // Its own service id, so that no other silo on this database (the bench, a local cluster) takes these reminders.
        var clusterId = $"test-{Guid.NewGuid():N}";
        var key = $"probe-{Guid.NewGuid():N}";
        await using var data = NpgsqlDataSource.Create(ConnectionString);
        var silos = new List<IHost> { await StartSiloAsync(clusterId, 6, serviceId: clusterId) };
        try
        {
            await silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>(key).RegisterAsync("expiry", TimeSpan.FromMinutes(5));
            const string Row = "SELECT Period::text FROM orleans_reminder WHERE ServiceId = $1 AND ReminderName = 'expiry' AND GrainId LIKE $2";
            Assert.Equal(["300000"], await ReadStringsAsync(data, Row, clusterId, $"%{key}"));

            await StopAllAsync(silos);
            silos.Add(await StartSiloAsync(clusterId, 7, serviceId: clusterId));
            var probe = silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>(key);
            Assert.Equal(["expiry"], await probe.GetReminderNamesAsync());

            await probe.UnregisterAsync("expiry");
            Assert.Empty(await ReadStringsAsync(data, Row, clusterId, $"%{key}"));
        }
        finally
        {
            await StopAllAsync(silos);
            await ExecuteAsync(data, "DELETE FROM orleans_reminder WHERE ServiceId = $1", clusterId);
        }
    }

    private static async Task RequirePostgresAsync()
    {
        try
        {
            await using var probe = NpgsqlDataSource.Create(ConnectionString);
            await using var command = probe.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Assert.Fail($"PostgreSQL is not reachable at {ConnectionString}: run deploy/postgres-up.sh as root (tests/run.sh does). {ex.Message}");
        }
    }

    private static async Task StopAllAsync(List<IHost> silos)
    {
        foreach (var s in silos)
        {
            await s.StopAsync();
            s.Dispose();
        }

        silos.Clear();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql, params object[] values)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlDataSource data, string sql, params object[] values)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> read, int wanted)
    {
        var value = 0;
        for (var i = 0; i < 60 && value < wanted; i++)
        {
            value = await read();
            if (value < wanted)
            {
                await Task.Delay(500);
            }
        }

        return value;
    }
}
