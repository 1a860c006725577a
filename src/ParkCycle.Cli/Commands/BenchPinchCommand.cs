using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ParkCycle.Domain.Model;
using ParkCycle.HeatIntegration;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench pinch</c>: times pinch targeting (problem table, composite curves, grand composite curve) of
/// N generated SYNTHETIC streams, median of R runs after a warm-up.
/// </summary>
internal static class BenchPinchCommand
{
    public static Command Create()
    {
        var streams = new Option<int>("--streams") { Description = "generated heat streams", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "timed runs (after one warm-up); the median is reported", DefaultValueFactory = _ => 9 };
        var json = CommonOptions.Json();
        var command = new Command("pinch", "benchmark pinch targeting on generated streams") { streams, seed, runs, json };
        command.SetAction(parse =>
        {
            var set = Generate(Math.Max(1, parse.GetValue(streams)), parse.GetValue(seed));
            var times = new List<double>();
            PinchTargets? targets = null;
            for (var run = 0; run <= Math.Max(1, parse.GetValue(runs)); run++)
            {
                var clock = Stopwatch.StartNew();
                targets = ProblemTable.Compute(set);
                if (run > 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds); // run 0 is the warm-up (JIT)
                }
            }

            times.Sort();
            var result = new
            {
                streams = set.Count,
                runs = times.Count,
                median_ms = Math.Round(times[times.Count / 2], 2),
                min_ms = Math.Round(times[0], 2),
                max_ms = Math.Round(times[^1], 2),
                hot_utility_kw = targets!.HotUtilityKw,
                cold_utility_kw = targets.ColdUtilityKw,
            };
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pinch targets of {result.streams:N0} SYNTHETIC streams: median {result.median_ms} ms (min {result.min_ms}, max {result.max_ms}) over {result.runs} runs; hot utility {result.hot_utility_kw:#,0.##} kW, cold {result.cold_utility_kw:#,0.##} kW"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Streams between 20 and 620 °C with CPs of 0.1–100 kW/K, half hot, a tenth given by duty.</summary>
    private static List<HeatStream> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<HeatStream>(count);
        for (var i = 0; i < count; i++)
        {
            var hot = random.Next(2) == 0;
            var low = 20m + (random.Next(0, 4000) / 10m);
            var high = low + 1m + (random.Next(0, 2000) / 10m);
            var cp = random.Next(1, 1000) / 10m;
            var byDuty = random.Next(10) == 0;
            list.Add(new HeatStream($"s{i}", $"e{i % 100}", hot ? HeatStreamKind.Hot : HeatStreamKind.Cold, hot ? high : low, hot ? low : high,
                byDuty ? null : cp, byDuty ? cp * (high - low) : null, null, null, "SYNTHETIC"));
        }

        return list;
    }
}
