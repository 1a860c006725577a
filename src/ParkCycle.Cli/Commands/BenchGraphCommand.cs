using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Graph;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench graph</c>: times the full analysis of a SYNTHETIC park (default 10,000 enterprises,
/// 100,000 flows) stage by stage, with peak memory, and can export the same graph for bench/networkx_compare.py.
/// </summary>
internal static class BenchGraphCommand
{
    public static Command Create()
    {
        var enterprises = new Option<int>("--enterprises") { Description = "enterprises in the synthetic park", DefaultValueFactory = _ => 10_000 };
        var flows = new Option<int>("--flows") { Description = "flows in the synthetic park", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "timed runs (after one warm-up); the median is reported", DefaultValueFactory = _ => 5 };
        var export = new Option<string?>("--export") { Description = "write the park's graph, offers, needs and rules as CSV files into this folder" };
        var json = CommonOptions.Json();
        var command = new Command("graph", "benchmark the graph engine on a synthetic park") { enterprises, flows, seed, runs, export, json };
        command.SetAction(parse =>
        {
            var park = SyntheticPark.Generate(parse.GetValue(enterprises), parse.GetValue(flows), parse.GetValue(seed), CatalogReader.Default);
            if (parse.GetValue(export) is { } dir)
            {
                Export(park, dir);
            }

            var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var stagesCpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var totals = new List<double>();
            var cpu = new List<double>();
            var loopsFound = 0;
            var opportunities = 0;
            for (var run = 0; run <= parse.GetValue(runs); run++)
            {
                var times = TimeStages(park, out loopsFound, out opportunities);
                if (run == 0)
                {
                    continue; // warm-up: JIT and OR-Tools' native load
                }

                foreach (var (stage, ms, cpuMs) in times)
                {
                    (stages.TryGetValue(stage, out var l) ? l : stages[stage] = []).Add(ms);
                    (stagesCpu.TryGetValue(stage, out var c) ? c : stagesCpu[stage] = []).Add(cpuMs);
                }

                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var whole = Stopwatch.StartNew();
                ParkAnalyzer.Analyze(park);
                totals.Add(whole.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var result = new
            {
                enterprises = park.Enterprises.Count,
                flows = park.Flows.Count,
                loops = loopsFound,
                opportunities,
                full_analysis_ms = Median(totals),
                // CPU of every thread (GC included) over the full analysis: steadier than its wall time on a busy
                // machine, and with it, how much of the time two or more cores worked at once.
                full_analysis_cpu_ms = Median(cpu),
                scc_cycles_matching_ms = Median(stages["scc_and_cycles"]) + Median(stages["matching"]),
                stages_ms = stages.ToDictionary(s => s.Key, s => Median(s.Value)),
                stages_cpu_ms = stagesCpu.ToDictionary(s => s.Key, s => Median(s.Value)),
                peak_working_set_mb = Math.Round(peakMb, 1),
                target_full_analysis_ms = 2000,
                target_peak_mb = 1024,
            };
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                Console.Out.WriteLine(string.Create(inv, $"synthetic park: {result.enterprises} enterprises, {result.flows} flows; {result.loops} loops, {result.opportunities} opportunities"));
                foreach (var (stage, ms) in result.stages_ms)
                {
                    Console.Out.WriteLine(string.Create(inv, $"  {stage,-16} {ms,10:0.0} ms {result.stages_cpu_ms[stage],10:0.0} ms CPU"));
                }

                Console.Out.WriteLine(string.Create(inv, $"full analysis (median of {totals.Count}): {result.full_analysis_ms:0.0} ms (target < 2000 ms), {result.full_analysis_cpu_ms:0.0} ms CPU; SCC + cycles + matching: {result.scc_cycles_matching_ms:0.0} ms"));
                Console.Out.WriteLine(string.Create(inv, $"peak working set: {result.peak_working_set_mb:0.0} MB (target < 1024 MB)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<(string Stage, double Ms, double CpuMs)> TimeStages(ParkDataset park, out int loops, out int opportunities)
    {
        var times = new List<(string, double, double)>();
        var clock = Stopwatch.StartNew();
        var cpuAt = Process.GetCurrentProcess().TotalProcessorTime;
        void Lap(string stage)
        {
            var cpuNow = Process.GetCurrentProcess().TotalProcessorTime;
            times.Add((stage, clock.Elapsed.TotalMilliseconds, (cpuNow - cpuAt).TotalMilliseconds));
            cpuAt = cpuNow;
            clock.Restart();
        }

        var options = new AnalysisOptions();
        var graph = new FlowGraph(park);
        Lap("graph");
        new BalanceCalculator(graph, options.BalanceTolerance).Compute();
        Lap("balance");
        loops = new LoopFinder(graph, options.Loops).Compute().Loops.Count;
        Lap("scc_and_cycles");
        var reach = new Reachability(graph);
        var index = SubstitutionIndex.For(park);
        var facts = new OffersAndNeeds(graph);
        var found = new Matchmaker(index, options.Matching, ExchangeEconomics.For(park, options.Matching), facts.Processors).Compute(facts.Offers, facts.Needs, (c, s) => reach.Reaches(graph.IndexOf(c), graph.IndexOf(s)));
        opportunities = found.Count;
        Lap("matching");
        new ExchangePlanner(options.Matching).Compute(found,
            facts.Offers.Where(o => o.Quantity is not null).ToDictionary(o => o.Id, o => o.Quantity!.Value),
            facts.Needs.Where(n => n.Quantity is not null).ToDictionary(n => n.Id, n => n.Quantity!.Value));
        Lap("plan");
        new ChainGapFinder(graph, AnalysisKnowledge.Default, index, reach).Compute(facts);
        Lap("gaps");
        new KpiCalculator(graph, AnalysisKnowledge.Default.Indicators).Compute();
        Lap("kpis");
        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted.Count == 0 ? 0 : sorted[sorted.Count / 2], 1);
    }

    /// <summary>Writes what networkx_compare.py needs: internal edges, offers, needs, rules and materials.</summary>
    private static void Export(ParkDataset park, string dir)
    {
        Directory.CreateDirectory(dir);
        var inv = CultureInfo.InvariantCulture;
        var graph = new FlowGraph(park);
        var facts = new OffersAndNeeds(graph);
        var edges = new StringBuilder("from,to\n");
        foreach (var f in graph.Flows.Where(f => f.IsInternal))
        {
            edges.Append(f.From).Append(',').Append(f.To).Append('\n');
        }

        File.WriteAllText(Path.Combine(dir, "edges.csv"), edges.ToString());
        var offers = new StringBuilder("id,supplier,material,quantity,destination,lat,lon\n");
        foreach (var o in facts.Offers)
        {
            offers.Append(inv, $"{o.Id},{o.Supplier},{o.MaterialId},{o.Quantity},{o.Destination},{o.Latitude},{o.Longitude}\n");
        }

        File.WriteAllText(Path.Combine(dir, "offers.csv"), offers.ToString());
        var needs = new StringBuilder("id,consumer,material,quantity,lat,lon\n");
        foreach (var n in facts.Needs)
        {
            needs.Append(inv, $"{n.Id},{n.Consumer},{n.MaterialId},{n.Quantity},{n.Latitude},{n.Longitude}\n");
        }

        File.WriteAllText(Path.Combine(dir, "needs.csv"), needs.ToString());
        File.WriteAllText(Path.Combine(dir, "rules.csv"), DatasetWriter.ToCsv(DatasetSchema.Substitutions, DatasetWriter.RowsOf(
            new ParkDataset(park.Manifest, [], [], [], [], [.. park.AllSubstitutions], [], [], MaterialCatalog.Empty), DatasetSchema.Substitutions)));
        var materials = new StringBuilder("id,category,temperature_c,unit_to_base,dimension\n");
        foreach (var m in park.AllMaterials)
        {
            materials.Append(inv, $"{m.Id},{Codes<MaterialCategory>.Of(m.Category)},{m.TemperatureC},{m.Unit.ToBase},{m.Unit.Dimension}\n");
        }

        File.WriteAllText(Path.Combine(dir, "materials.csv"), materials.ToString());
    }
}
