using Microsoft.ML;
using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>
/// Remaining-duration model: FastTree regression (ML.NET) of log(1 + months remaining) on a project's snapshot
/// (type, elapsed and planned months, percent, recent rate, months since progress last rose, subsidy share,
/// budget, size), with a rolling-origin split-conformal interval (see <see cref="Train"/>).
/// </summary>
public sealed class RemainingDurationModel
{
    private static readonly string[] NumericFeatures =
        [nameof(ProjectSnapshot.ElapsedMonths), nameof(ProjectSnapshot.PlannedMonths), nameof(ProjectSnapshot.OverPlan), nameof(ProjectSnapshot.Percent),
         nameof(ProjectSnapshot.RecentRate), nameof(ProjectSnapshot.MonthsSinceIncrease), nameof(ProjectSnapshot.SubsidyShare), nameof(ProjectSnapshot.LogBudget), nameof(ProjectSnapshot.AboveSize)];

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private RemainingDurationModel(MLContext ml, ITransformer model, double q10, double q50, double q90, int trainingRows, int calibrationRows)
    {
        _ml = ml;
        _model = model;
        Q10 = q10;
        Q50 = q50;
        Q90 = q90;
        TrainingRows = trainingRows;
        CalibrationRows = calibrationRows;
    }

    /// <summary>Conformal quantiles of log residuals (actual − predicted).</summary>
    public double Q10 { get; }

    /// <summary>Conformal median of the log residuals: added to the predicted log(1 + months) for the central forecast.</summary>
    public double Q50 { get; }

    /// <summary>Conformal 90 % quantile of the log residuals: the upper end of the 10–90 % interval (<see cref="Q10"/> is the lower).</summary>
    public double Q90 { get; }

    /// <summary>Snapshots the final model was trained on (every report of every project completed by the cut-off).</summary>
    public int TrainingRows { get; }

    /// <summary>Held-out residuals the conformal quantiles come from (projects open at the two earlier origins that completed by the cut-off).</summary>
    public int CalibrationRows { get; }

    /// <summary>
    /// Trains on everything known at <paramref name="cutoff"/>; null when too few completed projects.
    /// The interval is calibrated the way the model is used: at two earlier origins (6 and 12 months before the
    /// cut-off) a model trained on what was known then forecasts the projects open then that completed by the
    /// cut-off, and the spread of those held-out log residuals (rolling-origin split conformal) is applied to the
    /// final model trained on everything.
    /// </summary>
    public static RemainingDurationModel? Train(ParkDataset park, DateOnly cutoff, int seed = 42)
    {
        var rows = ProjectFeatures.TrainingRows(park, cutoff);
        if (rows.Count < 30)
        {
            return null;
        }

        var ml = new MLContext(seed);
        var model = Fit(ml, rows);
        var residuals = new List<double>();
        var reports = ProjectFeatures.ReportsByProject(park);
        foreach (var back in new[] { 6, 12 })
        {
            var origin = cutoff.AddMonths(-back);
            var earlier = ProjectFeatures.TrainingRows(park, origin);
            if (earlier.Count < 30)
            {
                continue;
            }

            var engine = ml.Model.CreatePredictionEngine<ProjectSnapshot, Prediction>(Fit(ml, earlier));
            foreach (var project in ProjectFeatures.OpenOn(park, origin))
            {
                if (ProjectFeatures.CompletedOn(project) is not { } done || done > cutoff)
                {
                    continue; // its completion was not yet known at the cut-off
                }

                var snapshot = ProjectFeatures.At(project, reports.GetValueOrDefault(project.Id) ?? [], park.FindEnterprise(project.EnterpriseId), origin);
                residuals.Add(Math.Log(1 + ProjectFeatures.Months(origin, done)) - engine.Predict(snapshot).Score);
            }
        }

        if (residuals.Count < 10)
        {
            return null;
        }

        residuals.Sort();
        return new RemainingDurationModel(ml, model, Conformal(residuals, 0.10), Conformal(residuals, 0.50), Conformal(residuals, 0.90), rows.Count, residuals.Count);
    }

    private static ITransformer Fit(MLContext ml, List<ProjectSnapshot> rows)
    {
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("TypeKey", nameof(ProjectSnapshot.Type))
            .Append(ml.Transforms.Concatenate("Features", [.. NumericFeatures, "TypeKey"]))
            .Append(ml.Regression.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer.Options
            {
                NumberOfLeaves = 16,
                NumberOfTrees = 200,
                MinimumExampleCountPerLeaf = 10,
                LearningRate = 0.1,
                LabelColumnName = nameof(ProjectSnapshot.Label),
                FeatureColumnName = "Features",
            }));
        return pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
    }

    /// <summary>Forecasts every project open on <paramref name="asOf"/>; completed projects are never forecast.</summary>
    public IReadOnlyList<CompletionForecast> Forecast(ParkDataset park, DateOnly asOf)
    {
        var engine = _ml.Model.CreatePredictionEngine<ProjectSnapshot, Prediction>(_model);
        var reports = ProjectFeatures.ReportsByProject(park);
        var result = new List<CompletionForecast>();
        foreach (var project in ProjectFeatures.OpenOn(park, asOf))
        {
            var snapshot = ProjectFeatures.At(project, reports.GetValueOrDefault(project.Id) ?? [], park.FindEnterprise(project.EnterpriseId), asOf);
            var log = engine.Predict(snapshot).Score;
            var mid = Math.Max(0, Math.Exp(log + Q50) - 1);
            var low = Math.Max(0, Math.Exp(log + Q10) - 1);
            var high = Math.Max(low, Math.Exp(log + Q90) - 1);
            result.Add(new CompletionForecast(project.Id, project.EnterpriseId, snapshot.Type, asOf, (decimal)snapshot.Percent, Math.Round(mid, 2),
                AddMonths(asOf, mid), AddMonths(asOf, low), AddMonths(asOf, high), (Q90 - Q10) / 2.563));
        }

        return result;
    }

    /// <summary>Saves the ML.NET model (zip) beside a small file with the conformal quantiles.</summary>
    public void Save(string path)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<ProjectSnapshot>()).Schema;
        _ml.Model.Save(_model, schema, path);
        File.WriteAllText(Path.ChangeExtension(path, ".conformal.json"),
            System.Text.Json.JsonSerializer.Serialize(new { q10 = Q10, q50 = Q50, q90 = Q90, training_rows = TrainingRows, calibration_rows = CalibrationRows }));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static RemainingDurationModel Load(string path)
    {
        var ml = new MLContext(42);
        var model = ml.Model.Load(path, out _);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".conformal.json")));
        var r = doc.RootElement;
        return new RemainingDurationModel(ml, model, r.GetProperty("q10").GetDouble(), r.GetProperty("q50").GetDouble(), r.GetProperty("q90").GetDouble(),
            r.GetProperty("training_rows").GetInt32(), r.GetProperty("calibration_rows").GetInt32());
    }

    /// <summary>The date <paramref name="months"/> (fractional) after <paramref name="date"/>, at <see cref="ProjectFeatures.DaysPerMonth"/> days a month, rounded to the day.</summary>
    public static DateOnly AddMonths(DateOnly date, double months) => date.AddDays((int)Math.Round(months * ProjectFeatures.DaysPerMonth));

    // The ⌈(n+1)q⌉-th smallest residual: the split-conformal quantile with its finite-sample correction.
    private static double Conformal(List<double> sorted, double q)
    {
        var k = (int)Math.Ceiling((sorted.Count + 1) * q) - 1;
        return sorted[Math.Clamp(k, 0, sorted.Count - 1)];
    }

    private sealed class Prediction
    {
        public float Score { get; set; }
    }
}
