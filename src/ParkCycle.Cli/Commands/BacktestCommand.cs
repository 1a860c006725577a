using System.CommandLine;
using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle backtest superfund &lt;csv&gt; --as-of DATE [--json]</c> and <c>backtest projects &lt;dataset&gt;</c>.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var csv = new Argument<string>("csv") { Description = "the EPA NPL site file (npl-sites.csv)" };
        var asOf = new Option<string>("--as-of") { Description = "cut-off date, YYYY-MM-DD", DefaultValueFactory = _ => "2014-12-31" };
        var toYear = new Option<int>("--to-year") { Description = "last calendar year to forecast (the file runs to September 2024)", DefaultValueFactory = _ => 2023 };
        var json = CommonOptions.Json();
        var superfund = new Command("superfund", "backtest the completion forecaster on real US EPA Superfund clean-up data") { csv, asOf, toYear, json };
        superfund.SetAction(parse =>
        {
            var date = ForecastInputs.ParseDate(parse.GetValue(asOf), out var error);
            if (error is not null || date is null)
            {
                Console.Error.WriteLine(error);
                return ExitCodes.Usage;
            }

            if (ReadSites(parse.GetValue(csv)!) is not { } sites)
            {
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
        var projectsAsOf = ForecastInputs.AsOf();
        var projectsJson = CommonOptions.Json();
        var projects = new Command("projects", "rolling-origin backtest of the project completion model against the baselines") { dataset, projectsAsOf, projectsJson };
        projects.SetAction(parse =>
        {
            if (ForecastInputs.LoadAt(parse.GetValue(dataset)!, parse.GetValue(projectsAsOf)) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var (park, date) = loaded;

            if (ForecastInputs.AsOfOrDefault(park, date) is not { } standOn)
            {
                return ExitCodes.InvalidInput;
            }

            var report = ProjectBacktest.Run(park, ForecastInputs.BacktestCutoffs(standOn));
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
        return new Command("backtest", "backtests that score forecasts against what happened") { superfund, projects, Programmes() };
    }

    /// <summary><c>parkcycle backtest programmes &lt;csv&gt; [--from-year Y] [--to-year Y] [--drift X] [--json]</c>: the programme forecaster on Superfund listing cohorts.</summary>
    private static Command Programmes()
    {
        var csv = new Argument<string>("csv") { Description = "the EPA NPL site file (npl-sites.csv)" };
        var from = new Option<int>("--from-year") { Description = "first listing-year cohort", DefaultValueFactory = _ => 1983 };
        var to = new Option<int>("--to-year") { Description = "last listing-year cohort", DefaultValueFactory = _ => 1995 };
        var drift = new Option<double?>("--drift") { Description = "the hazard's yearly log drift (default: the forecaster's)" };
        var json = CommonOptions.Json();
        var command = new Command("programmes", "rolling-origin backtest of the programme forecaster (start + two year-end counts on) on Superfund NPL listing cohorts") { csv, from, to, drift, json };
        command.SetAction(parse =>
        {
            if (ReadSites(parse.GetValue(csv)!) is not { } sites)
            {
                return ExitCodes.InvalidInput;
            }

            var options = parse.GetValue(drift) is { } d ? new ProgrammeForecastOptions { HazardDriftPerYear = d, Simulations = 1000 } : new ProgrammeForecastOptions { Simulations = 1000 };
            var report = ProgrammeBacktest.Run(ProgrammeSeries.SuperfundCohorts(sites, parse.GetValue(from), parse.GetValue(to), 2023), options);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(report);
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Series} cohorts, {report.Forecasts} forecasts (drift {options.HazardDriftPerYear}): 80% band coverage {report.Coverage:P1}, MAE {report.MeanAbsoluteError} sites ({report.MeanAbsoluteShareError:P1} of the list), mean band width {report.MeanBandWidthShare:P1} of the list"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The NPL sites of the file, or null after writing each problem (file, line, column) to stderr.</summary>
    private static IReadOnlyList<SuperfundSite>? ReadSites(string path)
    {
        try
        {
            return SuperfundAdapter.Read(path);
        }
        catch (DatasetException ex)
        {
            foreach (var e in ex.Errors)
            {
                Console.Error.WriteLine(e);
            }

            return null;
        }
    }
}
