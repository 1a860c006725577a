using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Reconciliation;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench reconcile</c>: reconciles a SYNTHETIC park of 100,000 flows under 10,000 enterprise mass
/// balances (the target: under 2 s and 1 GB) and prints the timings.
/// </summary>
internal static class BenchReconcileCommand
{
    public static Command Create()
    {
        var flows = new Option<int>("--flows") { Description = "flows in the synthetic park", DefaultValueFactory = _ => 100_000 };
        var balances = new Option<int>("--balances") { Description = "enterprises, each with a mass balance", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 15 };
        var runs = new Option<int>("--runs") { Description = "timed runs after a warm-up", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json();
        var command = new Command("reconcile", "reconcile a SYNTHETIC park (default 100,000 flows, 10,000 balances) and time it") { flows, balances, seed, runs, json };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(balances);
            var m = parse.GetValue(flows);
            var r = parse.GetValue(runs);
            if (n < 1 || m < n || r < 1)
            {
                Console.Error.WriteLine("parkcycle: give --balances ≥ 1, --flows ≥ --balances and --runs ≥ 1");
                return ExitCodes.Usage;
            }

            var park = Synthetic(n, m, parse.GetValue(seed));
            ParkReconciliation.Compute(park); // warm-up: JIT and the numerics provider
            var times = new List<double>();
            ReconciliationReport report = null!;
            for (var i = 0; i < r; i++)
            {
                var clock = Stopwatch.StartNew();
                report = ParkReconciliation.Compute(park);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var result = new
            {
                flows = park.Flows.Count,
                balances = park.Balances.Count,
                blocks = report.Blocks,
                runs = r,
                median_ms = Math.Round(times[times.Count / 2], 1),
                min_ms = Math.Round(times[0], 1),
                max_ms = Math.Round(times[^1], 1),
                peak_working_set_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                degrees_of_freedom = report.GlobalTest.DegreesOfFreedom,
                flagged = report.Flows.Count(f => f.Flagged),
                estimated = report.Estimated.Count,
                unobservable = report.Unobservable.Count,
            };
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                Console.Out.WriteLine(string.Create(inv, $"SYNTHETIC park: {result.flows:N0} flows, {result.balances:N0} mass balances in {result.blocks:N0} blocks"));
                Console.Out.WriteLine(string.Create(inv, $"reconcile: median {result.median_ms:0.0} ms of {r} runs (min {result.min_ms:0.0}, max {result.max_ms:0.0}; target < 2000 ms)"));
                Console.Out.WriteLine(string.Create(inv, $"peak working set: {result.peak_working_set_mb:0.0} MB (target < 1024 MB)"));
                Console.Out.WriteLine(string.Create(inv, $"{result.degrees_of_freedom:N0} degrees of freedom, {result.flagged:N0} flagged, {result.estimated:N0} estimated, {result.unobservable:N0} unobservable"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Chains of ten enterprises that pass goods along: each takes imports and what the previous two pass on,
    /// passes shares on, and sells or discards the rest, so the true flows balance. Reported values carry 5 %
    /// noise (stated as their uncertainty); 2 % are blank and one in a thousand is off by a factor of ten.
    /// </summary>
    internal static ParkDataset Synthetic(int enterprises, int flowCount, int seed)
    {
        var random = new Random(seed);
        var goods = new Material("bench-goods", "SYNTHETIC goods", "SYNTHETIC goods", MaterialCategory.Byproduct, Unit.Tonne, null, null);
        var zone = new Zone("z", "SYNTHETIC", null);
        var list = new List<Enterprise>(enterprises);
        for (var e = 0; e < enterprises; e++)
        {
            list.Add(new Enterprise($"e{e:D6}", $"SYNTHETIC {e}", null, "z", [Chain.Other], null, null, null, EnterpriseStatus.Operating, null, null, null, "SYNTHETIC"));
        }

        var perEnterprise = flowCount / enterprises;
        var extra = flowCount - (perEnterprise * enterprises);
        var truth = new List<(string From, string To, double Value)>(flowCount);
        var received = new double[enterprises];
        for (var e = 0; e < enterprises; e++)
        {
            var k = perEnterprise + (e < extra ? 1 : 0);
            var chainEnd = e % 10 == 9 || e == enterprises - 1;
            // Pass-ons stay inside the chain of ten, so each chain is one block of the reconciliation.
            var passOn = chainEnd ? 0 : Math.Min(Math.Min(2, 9 - (e % 10)), Math.Max(0, k - 2));
            var imports = Math.Max(1, (k - passOn) / 2);
            var exports = k - passOn - imports;
            var inflow = received[e];
            for (var i = 0; i < imports; i++)
            {
                var v = 100 + (random.NextDouble() * 900);
                truth.Add((ExternalNode.Import, list[e].Id, v));
                inflow += v;
            }

            var remaining = inflow;
            for (var i = 0; i < passOn && e + 1 + i < enterprises; i++)
            {
                var v = inflow * 0.2;
                truth.Add((list[e].Id, list[e + 1 + i].Id, v));
                received[e + 1 + i] += v;
                remaining -= v;
            }

            if (exports == 0)
            {
                exports = 1;
            }

            for (var i = 0; i < exports; i++)
            {
                truth.Add((list[e].Id, i % 3 == 2 ? ExternalNode.Landfill : ExternalNode.Market, remaining / exports));
            }
        }

        var flows = new List<Flow>(truth.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            var (from, to, value) = truth[i];
            var noisy = value * (1 + (0.05 * Gaussian(random)));
            if (random.NextDouble() < 0.001)
            {
                noisy *= 10; // a typing error: one zero too many
            }

            Quantity? q = random.NextDouble() < 0.02 ? null : new Quantity(Math.Round((decimal)Math.Max(0, noisy), 3), Unit.Tonne);
            flows.Add(new Flow($"f{i:D7}", from, to, goods.Id, q, Unit.Tonne, FlowStatus.Existing, "SYNTHETIC") { UncertaintyPercent = 5m });
        }

        return new ParkDataset(new DatasetManifest("bench-reconcile", "SYNTHETIC reconciliation bench park", 2025, null, "SYNTHETIC"),
            [zone], list, [goods], flows, [], [], [], MaterialCatalog.Empty)
        {
            Balances = [.. list.Select(e => new DeclaredBalance($"{e.Id}-mass", e.Id, new BalanceScope(BalanceScopeKind.Mass)))],
        };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
