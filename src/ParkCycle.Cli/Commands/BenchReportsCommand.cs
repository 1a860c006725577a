using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench reports</c>: drives concurrent enterprise clients against a real silo for a bounded time,
/// counts acknowledged (durable) reports per second and acknowledgement latency, then restarts the silo on the
/// same store and reads every acknowledged report back to count any lost.
/// </summary>
internal static class BenchReportsCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var silos = new Option<int>("--silos") { Description = "silos in the cluster", DefaultValueFactory = _ => 1 };
        var clients = new Option<int>("--clients") { Description = "concurrent clients", DefaultValueFactory = _ => 64 };
        var seconds = new Option<int>("--seconds") { Description = "how long to measure", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "seconds of load before measuring (JIT, caches; not counted, but read back)", DefaultValueFactory = _ => 2 };
        var enterprises = new Option<int>("--enterprises") { Description = "enterprises the clients report for", DefaultValueFactory = _ => 2000 };
        var json = CommonOptions.Json();
        var command = new Command("reports", "benchmark durable byproduct reports through the grains") { store, silos, clients, seconds, warmup, enterprises, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var storeName = parse.GetValue(store)!;
            var siloCount = parse.GetValue(silos);
            if (storeName is not ("sqlite" or "postgres") || siloCount < 1 || (storeName == "sqlite" && siloCount != 1))
            {
                Console.Error.WriteLine("parkcycle: bench reports: --store sqlite runs one silo; --store postgres runs one or more");
                return ExitCodes.Usage;
            }

            var clusterId = $"bench-{Guid.NewGuid():N}";

            var dir = Directory.CreateTempSubdirectory("parkcycle-bench-").FullName;
            var db = Path.Combine(dir, "bench.db");
            var park = "bench";
            var ids = Enumerable.Range(0, parse.GetValue(enterprises)).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-e{i}")).ToList();
            var materials = new[] { "fly-ash", "boiler-slag", "steel-slag", "fgd-gypsum", "construction-waste", "ceramic-waste", "stone-powder", "tailings", "straw", "rice-husk", "bamboo-residue", "tea-residue", "food-waste", "livestock-manure", "spent-solvent", "waste-mineral-oil" };
            var acknowledged = new List<(string Enterprise, string ReportId)>();
            var latencies = new List<double>();
            var failures = 0;
            double elapsed;
            var measuredAcknowledged = 0;
            TimeSpan cpu;
            TimeSpan jit;
            int gen2;
            var hosts = new List<IHost>();
            while (hosts.Count < siloCount)
            {
                hosts.Add(await StartAsync(storeName, db, clusterId));
            }

            {
                var factories = hosts.Select(h => h.Services.GetRequiredService<IGrainFactory>()).ToList();
                var grains = factories[0];
                await grains.GetGrain<IParkGrain>(park).SetupAsync(new ParkSetup(park, "SYNTHETIC bench park", 2025, []));
                var random = new Random(1);
                await Task.WhenAll(ids.Select(id => grains.GetGrain<IEnterpriseGrain>(id).RegisterAsync(
                    new EnterpriseProfile(id, id, id, "z", [Chain.Other], null, 29.4m + (decimal)random.NextDouble() / 5, 113.3m + (decimal)random.NextDouble() / 5, EnterpriseStatus.Operating, null, null, null, park), [])));

                // Clients hold their references, as a real client would.
                var references = factories.Select(f => ids.Select(id => f.GetGrain<IEnterpriseGrain>(id)).ToArray()).ToArray();
                var clientCount = parse.GetValue(clients);
                var measureFrom = Stopwatch.GetTimestamp() + (parse.GetValue(warmup) * Stopwatch.Frequency);
                var stopAt = measureFrom + (parse.GetValue(seconds) * Stopwatch.Frequency);
                var (cpuBefore, jitBefore, gen2Before) = (TimeSpan.Zero, TimeSpan.Zero, 0);
                var startMeasuring = Task.Run(async () =>
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom), TimeProvider.System, cancellation);
                    (cpuBefore, jitBefore, gen2Before) = (Process.GetCurrentProcess().TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime(), GC.CollectionCount(2));
                }, cancellation);
                var tasks = Enumerable.Range(0, clientCount).Select(async c =>
                {
                    var mine = new List<(string, string)>();
                    var lat = new List<double>();
                    var (failed, counted) = (0, 0);
                    for (var k = 0; Stopwatch.GetTimestamp() < stopAt; k++)
                    {
                        var e = ((k * clientCount) + c) % ids.Count;
                        var id = ids[e];
                        var report = new ByproductReport(materials[(c + k) % materials.Length], 10 + (k % 90), "t", ReportPeriod.Month,
                            new DateOnly(2025, 1, 1), new DateOnly(2030, 1, 1), null, 0, OfferVisibility.Park);
                        var t0 = Stopwatch.GetTimestamp();
                        var measured = t0 >= measureFrom;
                        try
                        {
                            var outcome = await references[c % references.Length][e].ReportByproductAsync(report, new Submission($"c{c}-k{k}", "bench"));
                            if (measured)
                            {
                                lat.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                            }

                            if (outcome.Accepted)
                            {
                                mine.Add((id, outcome.ReportId!));
                                counted += measured ? 1 : 0;
                            }
                            else
                            {
                                failed++; // warm-up included: no failure is hidden
                            }
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException) // any failure is counted, never hidden
                        {
                            failed++;
                        }
                    }

                    return (mine, lat, failed, counted);
                }).ToList();
                foreach (var (mine, lat, failed, counted) in await Task.WhenAll(tasks))
                {
                    acknowledged.AddRange(mine);
                    latencies.AddRange(lat);
                    failures += failed;
                    measuredAcknowledged += counted;
                }

                await startMeasuring;
                elapsed = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
                gen2 = GC.CollectionCount(2) - gen2Before;
                foreach (var host in hosts)
                {
                    await host.StopAsync(cancellation);
                    host.Dispose();
                }
            }

            // Read back through a fresh silo on the same file: what storage holds, not what memory remembers.
            int lost;
            using (var host = await StartAsync(storeName, db, clusterId))
            {
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                var stored = new HashSet<string>(StringComparer.Ordinal);
                foreach (var group in acknowledged.GroupBy(a => a.Enterprise))
                {
                    foreach (var r in await grains.GetGrain<IEnterpriseGrain>(group.Key).GetReportsAsync(true))
                    {
                        stored.Add(r.ReportId);
                    }
                }

                lost = acknowledged.Count(a => !stored.Contains(a.ReportId));
                await host.StopAsync(cancellation);
            }

            latencies.Sort();
            double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
            var result = new
            {
                store = storeName,
                silos = siloCount,
                clients = parse.GetValue(clients),
                enterprises = ids.Count,
                seconds = Math.Round(elapsed, 2),
                warmup_seconds = parse.GetValue(warmup),
                acknowledged = measuredAcknowledged,
                acknowledged_per_s = Math.Round(measuredAcknowledged / elapsed, 1),
                acknowledged_with_warmup = acknowledged.Count,
                p50_ms = Math.Round(P(0.50), 2),
                p99_ms = Math.Round(P(0.99), 2),
                failed = failures,
                lost,
                // CPU the whole process (clients included) spent per acknowledged report: steadier than a rate on a shared machine.
                cpu_us_per_report = measuredAcknowledged == 0 ? 0 : Math.Round(cpu.TotalMicroseconds / measuredAcknowledged, 1),
                // Of that CPU, the time the JIT spent compiling during the window: a start-up cost (tiering up the hot
                // paths) that a server running for weeks no longer pays; shown so a short run is read correctly.
                jit_us_per_report = measuredAcknowledged == 0 ? 0 : Math.Round(jit.TotalMicroseconds / measuredAcknowledged, 1),
                gen2_collections = gen2,
                target_per_s = 8000,
                target_p99_ms = 40,
                target_cpu_us_per_report = 150,
            };
            Directory.Delete(dir, recursive: true);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.acknowledged} acknowledged durable reports in {result.seconds} s (after {result.warmup_seconds} s warm-up): {result.acknowledged_per_s}/s (target ≥ 8,000/s); latency p50 {result.p50_ms} ms, p99 {result.p99_ms} ms (target ≤ 40 ms); failed {result.failed}; lost {result.lost}; {result.cpu_us_per_report} µs CPU per report (target ≤ 150 µs), of which JIT compilation {result.jit_us_per_report} µs"));
            }

            return result.lost == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>The PostgreSQL the cluster bench uses; PARKCYCLE_POSTGRES overrides it.</summary>
    public static string Postgres => Environment.GetEnvironmentVariable("PARKCYCLE_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle;Maximum Pool Size=20";

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<IHost> StartAsync(string store, string db, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ParkCycle:Store"] = store,
            ["ParkCycle:SqlitePath"] = db,
            ["ParkCycle:Postgres"] = Postgres,
            ["ParkCycle:ClusterId"] = clusterId,
            ["ParkCycle:SeedDataset"] = string.Empty,
            // Free ports, so a bench never joins (or breaks) another run's silos on this machine.
            ["ParkCycle:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["ParkCycle:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Logs go to stderr so that --json output on stdout stays one parseable document.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo => silo.UseParkCycle(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
