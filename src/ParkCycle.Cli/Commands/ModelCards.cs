using System.Globalization;
using System.Text;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary>Writes the model cards in models/ from the figures of the run that trained the model.</summary>
internal static class ModelCards
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Linxiang(ParkDataset park, RemainingDurationModel model, DateOnly cutoff, BacktestReport backtest, string datasetPath)
    {
        var sb = new StringBuilder();
        sb.Append("# Model card: retrofit-project remaining duration (`linxiang-remaining.zip`)\n\n");
        sb.Append(Inv, $"- **Trained**: as of {cutoff:yyyy-MM-dd} on `{datasetPath}` ({park.Projects.Count} projects, {park.Progress.Count} progress reports). ");
        sb.Append("The project histories are **SYNTHETIC** (`parkcycle synth projects`, docs/synthetic-projects.md): these figures test the method, not Linxiang's real programme.\n");
        sb.Append("- **Reproduce**: `dotnet run --project src/ParkCycle.Cli -- train` (fixed seed 42).\n");
        sb.Append("- **Task**: months until an unfinished project completes, with a 10th–90th percentile interval.\n");
        sb.Append("- **Model**: ML.NET FastTree regression (200 trees, 16 leaves) of log(1 + months remaining).\n");
        sb.Append("- **Features**: project type (one-hot), months elapsed, planned months, elapsed ÷ planned, percent complete, percentage points per month over the last three months, months since progress last rose, subsidy share of budget, log budget, above-size flag.\n");
        sb.Append("- **Training data**: a snapshot at every progress report of every project completed by the training date, labelled with the months that remained. Projects still open teach nothing (a censoring bias towards shorter projects; the interval calibration absorbs part of it).\n");
        sb.Append(Inv, $"- **Interval**: rolling-origin split conformal — models trained as of 6 and 12 months before the training date forecast the projects open then that completed by it; the 10th, 50th and 90th percentiles of those held-out log residuals (q10 = {model.Q10:0.###}, q50 = {model.Q50:0.###}, q90 = {model.Q90:0.###}, from {model.CalibrationRows} held-out projects) shift and widen the final model's forecast ({model.TrainingRows} training rows).\n\n");
        sb.Append("## Rolling-origin backtest (same run)\n\n");
        sb.Append(Inv, $"Cut-offs {string.Join(", ", backtest.Cutoffs.Select(c => c.ToString("yyyy-MM-dd", Inv)))}: train on what was known at each, forecast every project open then whose completion the data records ({backtest.Censored} still open at the data's end were excluded).\n\n");
        sb.Append("| method | MAE (months) | 10–90% coverage | forecasts |\n|---|---|---|---|\n");
        foreach (var s in backtest.Scores)
        {
            sb.Append(Inv, $"| {s.Method} | {s.MaeMonths:0.00} | {(s.Coverage is { } c ? c.ToString("P1", Inv) : "—")} | {s.Forecasts} |\n");
        }

        sb.Append('\n').Append(backtest.ModelBeatsBestBaseline
            ? $"The model beats the best baseline ({backtest.Best}) on held-out data.\n"
            : $"**The model does not beat the best baseline ({backtest.Best}) on held-out data**; prefer that baseline's figures until it does.\n");
        return sb.ToString();
    }

    public static string Superfund(SuperfundBacktest sf)
    {
        var sb = new StringBuilder();
        sb.Append("# Model card: Superfund construction-completion hazard (backtest of the method on real data)\n\n");
        sb.Append("- **Data**: US EPA National Priorities List sites (`../shared/data/superfund-npl/npl-sites.csv`, edited to September 2024), read by `SuperfundAdapter`. A different country and programme: a benchmark of the method, not Linxiang's data.\n");
        sb.Append("- **Reproduce**: `dotnet run --project src/ParkCycle.Cli -- backtest superfund ../shared/data/superfund-npl/npl-sites.csv --as-of 2014-12-31` (seed 42); `parkcycle train` rewrites this card.\n");
        sb.Append(Inv, $"- **Model**: {sf.Method}. Retrained for each cut-off from what was known then; no file is kept because serving uses the Linxiang model.\n");
        sb.Append(Inv, $"- **Backtest**: as of {sf.AsOf:yyyy-MM-dd}, {sf.SitesOpenAtCutoff} listed sites had no construction completion; trained on {sf.TrainingSiteYears} site-years.\n\n");
        sb.Append("| year | predicted | 10–90% (calibrated) | chance only | Kaplan–Meier | actual |\n|---|---|---|---|---|---|\n");
        foreach (var y in sf.Years)
        {
            sb.Append(Inv, $"| {y.Year} | {y.Predicted:0.0} | {y.Low}–{y.High} | {y.ModelLow}–{y.ModelHigh} | {y.BaselineKm:0.0} | {y.Actual?.ToString(Inv) ?? "—"} |\n");
        }

        var inBand = sf.Years.Count(y => y.Actual >= y.Low && y.Actual <= y.High);
        var inChanceBand = sf.Years.Count(y => y.Actual >= y.ModelLow && y.Actual <= y.ModelHigh);
        sb.Append(Inv, $"\nMean absolute error: model {sf.MaeModel} completions/year, Kaplan–Meier {sf.MaeKm}. The actual count fell inside the calibrated 10–90% band in {inBand} of {sf.Years.Count} years; inside the sites' chance variation alone (Poisson-binomial, before calibration) in {inChanceBand}. ");
        sb.Append(Inv, $"The band is widened by rolling-origin split conformal: the method run from the {sf.Calibration.Origins.Count} year-ends before the cut-off, on the record as known at the cut-off, gave {sf.Calibration.Scores} yearly errors; their scaled 10th/90th percentiles ({sf.Calibration.Q10}, {sf.Calibration.Q90} × √predicted) are added around the prediction. Both methods over-predict (sites still open in 2014 were the hard ones). ");
        sb.Append(sf.MaeModel < sf.MaeKm ? "The model beats Kaplan–Meier on this real record.\n" : "**The model does not beat Kaplan–Meier on this real record.**\n");
        return sb.ToString();
    }
}
