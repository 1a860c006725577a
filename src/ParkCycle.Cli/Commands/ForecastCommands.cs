using System.CommandLine;
using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary>The forecasting commands: synth projects, train, forecast, backtest.</summary>
internal static class ForecastCommands
{
    public const string DefaultModel = "models/linxiang-remaining.zip";

    private static Option<string?> AsOf() => new("--as-of") { Description = "the date to stand on, YYYY-MM-DD (default: the dataset's latest progress report)" };

    private static DateOnly? ParseDate(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        error = $"parkcycle: --as-of: '{text}' is not a date in the form YYYY-MM-DD";
        return null;
    }

    /// <summary>Loads a dataset and the <c>--as-of</c> date, printing any problem; null when either is bad.</summary>
    private static (ParkDataset Park, DateOnly? AsOf)? LoadAt(string path, string? asOf)
    {
        var park = CommonOptions.LoadDataset(path, null);
        var date = ParseDate(asOf, out var error);
        if (park is null || error is not null)
        {
            Console.Error.WriteLine(error ?? string.Empty);
            return null;
        }

        return (park, date);
    }

    private static DateOnly LatestReport(ParkDataset park) =>
        park.Progress.Count == 0 ? new DateOnly(park.Manifest.ReferenceYear ?? 2024, 12, 31) : park.Progress.Max(p => p.Date);

    /// <summary><c>parkcycle synth projects &lt;dataset&gt; [--seed N] [--as-of DATE]</c>: writes SYNTHETIC projects.csv and progress.csv.</summary>
    public static Command Synth()
    {
        var dataset = CommonOptions.DatasetArgument();
        var seed = new Option<int>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 42 };
        var asOf = AsOf();
        var projects = new Command("projects", "generate SYNTHETIC retrofit project histories for a dataset's enterprises (writes projects.csv and progress.csv into the dataset folder)") { dataset, seed, asOf };
        projects.SetAction(parse =>
        {
            var path = parse.GetValue(dataset)!;
            var park = CommonOptions.LoadDataset(path, null);
            var date = ParseDate(parse.GetValue(asOf), out var error) ?? new DateOnly(2025, 6, 30);
            if (park is null || error is not null || !Directory.Exists(path))
            {
                Console.Error.WriteLine(error ?? "parkcycle: synth needs a valid dataset folder");
                return ExitCodes.InvalidInput;
            }

            var (generated, reports) = SyntheticProjectHistory.Generate(park, parse.GetValue(seed), date);
            var withProjects = new ParkDataset(park.Manifest, park.Zones, park.Enterprises, park.Materials, park.Flows, park.Substitutions, generated, reports, park.Catalog);
            File.WriteAllText(Path.Combine(path, DatasetSchema.Projects.FileName), DatasetWriter.ToCsv(DatasetSchema.Projects, DatasetWriter.RowsOf(withProjects, DatasetSchema.Projects)));
            File.WriteAllText(Path.Combine(path, DatasetSchema.Progress.FileName), DatasetWriter.ToCsv(DatasetSchema.Progress, DatasetWriter.RowsOf(withProjects, DatasetSchema.Progress)));
            Console.Out.WriteLine($"wrote {generated.Count} SYNTHETIC projects and {reports.Count} progress reports (as of {date:yyyy-MM-dd}, seed {parse.GetValue(seed)}) into {path}");
            return ExitCodes.Ok;
        });
        return new Command("synth", "generate SYNTHETIC data (labelled as such)") { projects };
    }

    /// <summary><c>parkcycle train [--dataset DIR] [--as-of DATE] [--out DIR] [--superfund CSV]</c>: reproduces models/ with a fixed seed.</summary>
    public static Command Train()
    {
        var dataset = new Option<string>("--dataset") { Description = "the dataset to train on", DefaultValueFactory = _ => "seeds/linxiang" };
        var asOf = AsOf();
        var outDir = new Option<string>("--out") { Description = "where to write the model and its card", DefaultValueFactory = _ => "models" };
        var superfund = new Option<string?>("--superfund") { Description = "the EPA NPL site file to backtest the method on (its figures go into the card)", DefaultValueFactory = _ => "../shared/data/superfund-npl/npl-sites.csv" };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("train", "train the retrofit-completion model, backtest it, and write models/ with model cards") { dataset, asOf, outDir, superfund, seed };
        command.SetAction(parse =>
        {
            if (LoadAt(parse.GetValue(dataset)!, parse.GetValue(asOf)) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var (park, date) = loaded;

            var cutoff = date ?? LatestReport(park);
            void Progress(string stage) => Console.Error.WriteLine($"[train] {stage}");
            Progress($"training the completion model as of {cutoff:yyyy-MM-dd} on {park.Projects.Count} projects");
            var model = RemainingDurationModel.Train(park, cutoff, parse.GetValue(seed));
            if (model is null)
            {
                Console.Error.WriteLine("parkcycle: too few completed projects to train on (need 30 training and 10 calibration snapshots)");
                return ExitCodes.InvalidInput;
            }

            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var modelPath = Path.Combine(dir, "linxiang-remaining.zip");
            model.Save(modelPath);
            var backtest = ProjectBacktest.Run(park, BacktestCutoffs(cutoff), parse.GetValue(seed), Progress);
            SuperfundBacktest? sf = null;
            if (parse.GetValue(superfund) is { } sfPath && File.Exists(sfPath))
            {
                Progress("backtesting the method on the Superfund record (as of 2014-12-31)");
                sf = SuperfundForecaster.Backtest(SuperfundAdapter.Read(sfPath), new DateOnly(2014, 12, 31), 2023, parse.GetValue(seed));
            }

            File.WriteAllText(Path.Combine(dir, "linxiang-remaining.md"), ModelCards.Linxiang(park, model, cutoff, backtest, parse.GetValue(dataset)!));
            if (sf is not null)
            {
                File.WriteAllText(Path.Combine(dir, "superfund-hazard.md"), ModelCards.Superfund(sf));
            }

            Console.Out.WriteLine($"model written to {modelPath} (trained as of {cutoff:yyyy-MM-dd} on {model.TrainingRows} snapshots, calibrated on {model.CalibrationRows})");
            foreach (var s in backtest.Scores)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  backtest {s.Method,-22} MAE {s.MaeMonths,6:0.00} months{(s.Coverage is { } c ? $", 10–90% coverage {c:P1}" : string.Empty)} ({s.Forecasts} forecasts)"));
            }

            Console.Out.WriteLine(backtest.ModelBeatsBestBaseline ? $"  the model beats the best baseline ({backtest.Best})" : $"  the model does NOT beat the best baseline ({backtest.Best}); the model card says so");
            if (sf is not null)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Superfund backtest (as of 2014-12-31): MAE model {sf.MaeModel} vs Kaplan–Meier {sf.MaeKm} completions/year"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Three cut-offs, six months apart, ending a year before the training date.</summary>
    public static IReadOnlyList<DateOnly> BacktestCutoffs(DateOnly asOf) =>
        [.. Enumerable.Range(0, 3).Select(i => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-12 - (6 * (2 - i))).AddDays(-1))];

    /// <summary><c>parkcycle forecast &lt;dataset&gt; [--as-of DATE] [--model PATH] [--json] [--out DIR]</c>.</summary>
    public static Command Forecast()
    {
        var dataset = CommonOptions.DatasetArgument();
        var asOf = AsOf();
        var modelPath = new Option<string>("--model") { Description = "the trained model", DefaultValueFactory = _ => DefaultModel };
        var stalled = new Option<int>("--stalled-months") { Description = "flag projects with no progress for this many months", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json();
        var outDir = new Option<string?>("--out") { Description = "write forecast.html (curves with bands and targets) into this folder" };
        var command = new Command("forecast", "forecast retrofit and clean-up completion against the plan's targets") { dataset, asOf, modelPath, stalled, json, outDir };
        command.SetAction(parse =>
        {
            if (LoadAt(parse.GetValue(dataset)!, parse.GetValue(asOf)) is not { } loaded)
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

            var forecast = ParkOutlook.Compute(park, RemainingDurationModel.Load(path), date ?? LatestReport(park), parse.GetValue(stalled));
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
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Target.Name}: by {t.Target.Due:yyyy-MM-dd} expected {t.AtDue.Expected:P1} (10–90%: {t.AtDue.Low:P1}–{t.AtDue.High:P1}) of {t.Population} vs target {t.Target.Share:P0} — {t.Status}"));
                foreach (var r in t.Risks.Take(5))
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      at risk: {r.ProjectId} ({r.Enterprise}) P(done by due) {r.ProbabilityByDue:P0}{(r.Late ? ", late" : string.Empty)}{(r.Stalled ? ", stalled" : string.Empty)}"));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>parkcycle backtest superfund &lt;csv&gt; --as-of DATE [--json]</c> and <c>backtest projects &lt;dataset&gt;</c>.</summary>
    public static Command Backtest()
    {
        var csv = new Argument<string>("csv") { Description = "the EPA NPL site file (npl-sites.csv)" };
        var asOf = new Option<string>("--as-of") { Description = "cut-off date, YYYY-MM-DD", DefaultValueFactory = _ => "2014-12-31" };
        var toYear = new Option<int>("--to-year") { Description = "last calendar year to forecast (the file runs to September 2024)", DefaultValueFactory = _ => 2023 };
        var json = CommonOptions.Json();
        var superfund = new Command("superfund", "backtest the completion forecaster on real US EPA Superfund clean-up data") { csv, asOf, toYear, json };
        superfund.SetAction(parse =>
        {
            var date = ParseDate(parse.GetValue(asOf), out var error);
            if (error is not null || date is null)
            {
                Console.Error.WriteLine(error);
                return ExitCodes.Usage;
            }

            IReadOnlyList<SuperfundSite> sites;
            try
            {
                sites = SuperfundAdapter.Read(parse.GetValue(csv)!);
            }
            catch (DatasetException ex)
            {
                foreach (var e in ex.Errors)
                {
                    Console.Error.WriteLine(e);
                }

                return ExitCodes.InvalidInput;
            }

            var result = SuperfundForecaster.Backtest(sites, date.Value, parse.GetValue(toYear));
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
                return ExitCodes.Ok;
            }

            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine($"Superfund NPL: {result.SitesOpenAtCutoff} sites listed by {result.AsOf:yyyy-MM-dd} without construction completion; trained on {result.TrainingSiteYears} site-years");
            Console.Out.WriteLine($"{"year",6}{"predicted",11}{"10–90%",14}{"chance",10}{"KM",8}{"actual",8}");
            foreach (var y in result.Years)
            {
                Console.Out.WriteLine(string.Create(inv, $"{y.Year,6}{y.Predicted,11:0.0}{$"{y.Low}–{y.High}",14}{$"{y.ModelLow}–{y.ModelHigh}",10}{y.BaselineKm,8:0.0}{y.Actual?.ToString(inv) ?? "—",8}"));
            }

            Console.Out.WriteLine(string.Create(inv, $"MAE: model {result.MaeModel} completions/year, Kaplan–Meier {result.MaeKm}"));
            Console.Out.WriteLine(string.Create(inv, $"10–90% band holds the actual in {result.Coverage:P0} of years (chance variation alone: {result.ModelCoverage:P0}); widened by conformal errors from {result.Calibration.Origins.Count} earlier origins ({result.Calibration.Scores} yearly errors, q10 {result.Calibration.Q10}, q90 {result.Calibration.Q90} × √predicted)"));
            return ExitCodes.Ok;
        });

        var dataset = CommonOptions.DatasetArgument();
        var projectsAsOf = AsOf();
        var projectsJson = CommonOptions.Json();
        var projects = new Command("projects", "rolling-origin backtest of the project completion model against the baselines") { dataset, projectsAsOf, projectsJson };
        projects.SetAction(parse =>
        {
            if (LoadAt(parse.GetValue(dataset)!, parse.GetValue(projectsAsOf)) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var (park, date) = loaded;

            var report = ProjectBacktest.Run(park, BacktestCutoffs(date ?? LatestReport(park)));
            if (parse.GetValue(projectsJson))
            {
                CommonOptions.WriteJson(report);
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"cut-offs: {string.Join(", ", report.Cutoffs.Select(c => c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}; {report.Censored} open projects excluded (completion not yet known)");
            foreach (var s in report.Scores)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Method,-22} MAE {s.MaeMonths,6:0.00} months{(s.Coverage is { } c ? $", 10–90% coverage {c:P1}" : string.Empty)} ({s.Forecasts} forecasts)"));
            }

            Console.Out.WriteLine(report.ModelBeatsBestBaseline ? $"model beats the best baseline ({report.Best})" : $"model does NOT beat the best baseline ({report.Best})");
            return ExitCodes.Ok;
        });
        return new Command("backtest", "backtests that score forecasts against what happened") { superfund, projects };
    }
}
