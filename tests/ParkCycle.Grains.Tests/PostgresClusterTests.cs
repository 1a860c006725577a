using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ParkCycle.Grains.Abstractions;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// A real cluster: three silos on 127.0.0.1 (different ports) sharing PostgreSQL for membership and grain
/// state. Needs the PostgreSQL that deploy/postgres-up.sh starts (tests/run.sh runs it first); fails, with the
/// reason, when it is not there.
/// </summary>
public sealed class PostgresClusterTests
{
    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("PARKCYCLE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle;Timeout=5;Maximum Pool Size=20";

    private static async Task<IHost> StartSiloAsync(string clusterId, int index)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ParkCycle:Store"] = "postgres",
            ["ParkCycle:Postgres"] = ConnectionString,
            ["ParkCycle:ClusterId"] = clusterId,
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
