using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>
/// Rolling-origin backtest for project completion: at each cut-off, train only on what was known then,
/// forecast every project open at the cut-off whose completion the data later records, and score against
/// three baselines computed from the same information: median duration by type, linear extrapolation of
/// the last three months' progress, and Kaplan–Meier by type (conditional median).
/// </summary>
public static class ProjectBacktest
{
    /// <summary>Months assumed when a baseline has no answer (no progress, a curve that never falls to half).</summary>
    public const double FallbackMonths = 24;

    /// <summary>
    /// Runs the backtest at each of <paramref name="cutoffs"/> (a cut-off with too little history to train is skipped): mean absolute
    /// error in months of the model and of each baseline, the share of actual completions inside the model's 10–90 % interval, and
    /// how many open projects were left unscored because the data never records their completion. Each training is seeded by <paramref name="seed"/>;
    /// <paramref name="progress"/> receives a line per cut-off.
    /// </summary>
    public static BacktestReport Run(ParkDataset park, IReadOnlyList<DateOnly> cutoffs, int seed = 42, Action<string>? progress = null)
    {
        var errors = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["model"] = [], ["median-by-type"] = [], ["linear-progress"] = [], ["kaplan-meier-by-type"] = [] };
        var covered = 0;
        var censored = 0;
        var reports = ProjectFeatures.ReportsByProject(park);
        foreach (var (cutoff, i) in cutoffs.Select((c, i) => (c, i)))
        {
            progress?.Invoke($"backtest cut-off {cutoff:yyyy-MM-dd} ({i + 1}/{cutoffs.Count}): training and forecasting");
            var model = RemainingDurationModel.Train(park, cutoff, seed);
            if (model is null)
            {
                continue;
            }

            var forecasts = model.Forecast(park, cutoff).ToDictionary(f => f.ProjectId, StringComparer.Ordinal);
            var medians = MedianByType(park, cutoff);
            var curves = KaplanMeierByType(park, cutoff);
            foreach (var project in ProjectFeatures.OpenOn(park, cutoff))
            {
                if (ProjectFeatures.CompletedOn(project) is not { } done)
                {
                    censored++;
                    continue; // still open at the data's end: its true completion is unknown
                }

                var actual = ProjectFeatures.Months(cutoff, done);
                var f = forecasts[project.Id];
                errors["model"].Add(Math.Abs(f.RemainingMonths - actual));
                covered += done >= f.Low && done <= f.High ? 1 : 0;
                var elapsed = ProjectFeatures.Months(project.Start, cutoff);
                var median = medians.TryGetValue(project.Type, out var m) ? Math.Max(0.5, m - elapsed) : FallbackMonths;
                errors["median-by-type"].Add(Math.Abs(median - actual));
                var snapshot = ProjectFeatures.At(project, reports.GetValueOrDefault(project.Id) ?? [], null, cutoff);
                var linear = snapshot.RecentRate > 0.1 ? Math.Min(120, (100 - snapshot.Percent) / snapshot.RecentRate) : FallbackMonths;
                errors["linear-progress"].Add(Math.Abs(linear - actual));
                var km = curves.TryGetValue(project.Type, out var c) ? c.MedianRemaining(elapsed) ?? FallbackMonths : FallbackMonths;
                errors["kaplan-meier-by-type"].Add(Math.Abs(km - actual));
            }
        }

        var scores = errors.Select(kv => new MethodScore(kv.Key, kv.Value.Count == 0 ? double.NaN : Math.Round(kv.Value.Average(), 2),
            kv.Key == "model" && kv.Value.Count > 0 ? Math.Round((double)covered / kv.Value.Count, 3) : null, kv.Value.Count)).ToList();
        var bestBaseline = scores.Where(s => s.Method != "model").OrderBy(s => s.MaeMonths).First();
        var modelScore = scores.Single(s => s.Method == "model");
        return new BacktestReport(cutoffs, scores, bestBaseline.Method, modelScore.MaeMonths < bestBaseline.MaeMonths, censored);
    }

    /// <summary>Median total duration (months) by type among projects completed by the cut-off.</summary>
    public static Dictionary<ProjectType, double> MedianByType(ParkDataset park, DateOnly cutoff) =>
        park.Projects.Where(p => ProjectFeatures.CompletedOn(p) is { } d && d <= cutoff)
            .GroupBy(p => p.Type)
            .ToDictionary(g => g.Key, g =>
            {
                var d = g.Select(p => ProjectFeatures.Months(p.Start, p.CompletedOn!.Value)).Order().ToList();
                return d[d.Count / 2];
            });

    /// <summary>Kaplan–Meier curves of total duration by type, censoring projects still open at the cut-off.</summary>
    public static Dictionary<ProjectType, KaplanMeier> KaplanMeierByType(ParkDataset park, DateOnly cutoff) =>
        park.Projects.Where(p => p.Start <= cutoff && p.Status != ProjectStatus.Cancelled)
            .GroupBy(p => p.Type)
            .ToDictionary(g => g.Key, g => new KaplanMeier(g.Select(p => ProjectFeatures.CompletedOn(p) is { } d && d <= cutoff
                ? (ProjectFeatures.Months(p.Start, d), true)
                : (ProjectFeatures.Months(p.Start, cutoff), false))));
}
