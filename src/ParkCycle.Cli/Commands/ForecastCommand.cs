using System.CommandLine;
using System.Globalization;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle forecast &lt;dataset&gt; [--as-of DATE] [--model PATH] [--json] [--out DIR]</c>.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var asOf = ForecastInputs.AsOf();
        var modelPath = new Option<string>("--model") { Description = "the trained model", DefaultValueFactory = _ => ForecastInputs.DefaultModel };
        var stalled = new Option<int>("--stalled-months") { Description = "flag projects with no progress for this many months", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json();
        var outDir = new Option<string?>("--out") { Description = "write forecast.html (curves with bands and targets) into this folder" };
        var command = new Command("forecast", "forecast retrofit and clean-up completion against the plan's targets") { dataset, asOf, modelPath, stalled, json, outDir, ForecastProgrammeCommand.Create() };
        command.SetAction(parse =>
        {
            if (ForecastInputs.LoadAt(parse.GetValue(dataset)!, parse.GetValue(asOf)) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var (park, date) = loaded;

            var path = parse.GetValue(modelPath)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parkcycle: model not found: {path} (run 'parkcycle train' first)");
                return ExitCodes.InvalidInput;
            }

            if (ForecastInputs.AsOfOrDefault(park, date) is not { } standOn)
            {
                return ExitCodes.InvalidInput;
            }

            var forecast = ParkOutlook.Compute(park, RemainingDurationModel.Load(path), standOn, parse.GetValue(stalled));
            if (parse.GetValue(outDir) is { } dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "forecast.html"), ForecastChart.Render(park, forecast));
            }

            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(forecast);
                return ExitCodes.Ok;
            }

            var o = Console.Out;
            o.WriteLine($"Forecast as of {forecast.AsOf:yyyy-MM-dd}: {forecast.Projects.Count} open projects, {forecast.Flags.Count} flagged (late or stalled); project data is SYNTHETIC where ids start with 'syn-'");
            foreach (var t in forecast.Targets)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Target.Name}: by {t.Target.Due:yyyy-MM-dd} expected {t.AtDue.Expected:P1} (10–90%: {t.AtDue.Low:P1}–{t.AtDue.High:P1}) of {t.Population} vs target {t.Target.Share:P0} — {OutlookStatusText.Of(t.Status)}"));
                foreach (var r in t.Risks.Take(5))
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      at risk: {r.ProjectId} ({r.Enterprise}) P(done by due) {r.ProbabilityByDue:P0}{(r.Late ? ", late" : string.Empty)}{(r.Stalled ? ", stalled" : string.Empty)}"));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
