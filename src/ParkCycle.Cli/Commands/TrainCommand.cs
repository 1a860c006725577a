using System.CommandLine;
using System.Globalization;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle train [--dataset DIR] [--as-of DATE] [--out DIR] [--superfund CSV]</c>: reproduces models/ with a fixed seed.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "the dataset to train on", DefaultValueFactory = _ => "seeds/linxiang" };
        var asOf = ForecastInputs.AsOf();
        var outDir = new Option<string>("--out") { Description = "where to write the model and its card", DefaultValueFactory = _ => "models" };
        var superfund = new Option<string?>("--superfund") { Description = "the EPA NPL site file to backtest the method on (its figures go into the card)", DefaultValueFactory = _ => "../shared/data/superfund-npl/npl-sites.csv" };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("train", "train the retrofit-completion model, backtest it, and write models/ with model cards") { dataset, asOf, outDir, superfund, seed };
        command.SetAction(parse =>
        {
            if (ForecastInputs.LoadAt(parse.GetValue(dataset)!, parse.GetValue(asOf)) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var (park, date) = loaded;

            if (ForecastInputs.AsOfOrDefault(park, date) is not { } cutoff)
            {
                return ExitCodes.InvalidInput;
            }

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
            var backtest = ProjectBacktest.Run(park, ForecastInputs.BacktestCutoffs(cutoff), parse.GetValue(seed), Progress);
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
}
