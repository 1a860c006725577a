using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Graph;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench parks</c>: many SYNTHETIC parks in one silo (embedded SQLite store). Loads them through the
/// same import the API uses, then reports memory and load time, and the latency from a byproduct report to the
/// park's re-analysis that includes it (the live park's debounce included, as a user waits for it).
/// </summary>
internal static class BenchParksCommand
{
    public static Command Create()
    {
        var parks = new Option<int>("--parks") { Description = "synthetic parks to load", DefaultValueFactory = _ => 100 };
        var enterprises = new Option<int>("--enterprises") { Description = "enterprises per park", DefaultValueFactory = _ => 500 };
        var flows = new Option<int>("--flows") { Description = "flows per park", DefaultValueFactory = _ => 2500 };
        var reports = new Option<int>("--reports") { Description = "reports timed to their re-analysis, each in a random park", DefaultValueFactory = _ => 40 };
        var json = CommonOptions.Json();
        var command = new Command("parks", "benchmark many parks in one silo: memory, load time, re-analysis latency after a report") { parks, enterprises, flows, reports, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var (parkCount, perPark, flowsPerPark, reportCount) = (parse.GetValue(parks), parse.GetValue(enterprises), parse.GetValue(flows), parse.GetValue(reports));
            if (parkCount < 1 || perPark < 2 || flowsPerPark < 1 || reportCount < 1)
            {
                Console.Error.WriteLine("parkcycle: bench parks: --parks, --enterprises (≥ 2), --flows and --reports must be positive");
                return ExitCodes.Usage;
            }

            var dir = Directory.CreateTempSubdirectory("parkcycle-bench-parks-").FullName;
            try
            {
                using var host = await BenchReportsCommand.StartAsync("sqlite", Path.Combine(dir, "parks.db"), $"bench-parks-{Guid.NewGuid():N}");
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                var memoryBefore = ManagedAndWorkingSetMb();

                // Distinct enterprise prefixes: enterprise identity is global, and a park's enterprises are its own.
                var datasets = Enumerable.Range(0, parkCount)
                    .Select(k => SyntheticPark.Generate(perPark, flowsPerPark, 1000 + k, CatalogReader.Default, string.Create(CultureInfo.InvariantCulture, $"p{k}-e")))
                    .ToList();
                var load = Stopwatch.StartNew();
                foreach (var dataset in datasets)
                {
                    await Grains.Hosting.DatasetImport.SeedAsync(grains, dataset, TimeProvider.System);
                }

                // Every park analysed once: what a silo that just started holds.
                await Task.WhenAll(datasets.Select(d => grains.GetGrain<IParkGrain>(d.Manifest.Id).GetAnalysisAsync()));
                var loadSeconds = load.Elapsed.TotalSeconds;
                var memoryLoaded = ManagedAndWorkingSetMb();

                var random = new Random(7);
                var latencies = new List<double>(reportCount);
                // The silo runs on the system clock, so the offers are open from today.
                var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
                for (var i = 0; i < reportCount; i++)
                {
                    var dataset = datasets[random.Next(datasets.Count)];
                    var enterprise = dataset.Enterprises[random.Next(dataset.Enterprises.Count)].Id;
                    var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await grains.GetGrain<IEnterpriseGrain>(enterprise).ReportByproductAsync(
                        new ByproductReport("fly-ash", 100 + i, "t", ReportPeriod.Year, today, today.AddYears(1), null, null, OfferVisibility.Park),
                        new Submission(string.Create(CultureInfo.InvariantCulture, $"bench-parks-{i}"), "bench"));
                    if (!outcome.Accepted)
                    {
                        Console.Error.WriteLine($"parkcycle: bench parks: a report was refused: {string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Reason}"))}");
                        return ExitCodes.InvalidInput;
                    }

                    var version = (await park.GetSnapshotInfoAsync()).Version;
                    await park.GetAnalysisAsync(version);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                latencies.Sort();
                double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
                var result = new
                {
                    parks = parkCount,
                    enterprises_per_park = perPark,
                    flows_per_park = flowsPerPark,
                    enterprises = parkCount * perPark,
                    load_seconds = Math.Round(loadSeconds, 1),
                    managed_mb_before = memoryBefore.Managed,
                    managed_mb_loaded = memoryLoaded.Managed,
                    working_set_mb_loaded = memoryLoaded.WorkingSet,
                    peak_working_set_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0),
                    reports = reportCount,
                    reanalysis_p50_ms = Math.Round(P(0.50), 1),
                    reanalysis_p99_ms = Math.Round(P(0.99), 1),
                    reanalysis_max_ms = Math.Round(latencies[^1], 1),
                };
                await host.StopAsync(cancellation);
                if (parse.GetValue(json))
                {
                    CommonOptions.WriteJson(result);
                }
                else
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.parks} SYNTHETIC parks × {result.enterprises_per_park} enterprises ({result.flows_per_park} flows each) loaded in {result.load_seconds} s; managed heap {result.managed_mb_loaded} MB, working set {result.working_set_mb_loaded} MB (peak {result.peak_working_set_mb} MB); report → re-analysis p50 {result.reanalysis_p50_ms} ms, p99 {result.reanalysis_p99_ms} ms over {result.reports} reports"));
                }

                return ExitCodes.Ok;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }

    private static (double Managed, double WorkingSet) ManagedAndWorkingSetMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (Math.Round(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, 0), Math.Round(Process.GetCurrentProcess().WorkingSet64 / 1048576.0, 0));
    }
}
