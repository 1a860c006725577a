using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>
/// Aggregates project forecasts to the park: for each month, the share of each target's population whose
/// retrofit is complete, by Monte Carlo over each open project's completion distribution (log-normal in the
/// model's log space, from its conformal quantiles) and each planned project's (type median, ±35%).
/// </summary>
public static class ParkOutlook
{
    /// <summary>The plan's 2025 targets (the plan says "essentially all": read here as ≥ 95%).</summary>
    public static IReadOnlyList<PlanTarget> PlanTargets { get; } =
    [
        new("cleaner-production", "清洁生产改造基本完成 cleaner-production retrofits essentially complete", [ProjectType.CleanerProduction], TargetPopulation.All, 0.95m, new DateOnly(2025, 12, 31), "plan §三(七)1: by 2025 essentially all enterprises complete cleaner-production and circular retrofits"),
        new("circular-transformation", "循环化改造基本完成 circular-transformation retrofits essentially complete", [ProjectType.CircularTransformation], TargetPopulation.All, 0.95m, new DateOnly(2025, 12, 31), "plan §三(七)1"),
        new("energy-saving-above-size", "规上企业节能改造率 ≥ 96% energy-saving retrofit of above-size enterprises", [ProjectType.EnergySaving], TargetPopulation.AboveSize, 0.96m, new DateOnly(2025, 12, 31), "plan targets: ≥ 96% by 2025"),
        new("riverside-exit", "沿江一公里化工企业退出或搬迁 riverside chemical plants exited or relocated", [ProjectType.Relocation, ProjectType.Closure], TargetPopulation.Riverside, 1.00m, new DateOnly(2025, 12, 31), "plan §三(一)1 (no date fixed beyond the Yueyang plan; 2025 assumed)"),
    ];

    /// <summary>
    /// The park's forecast on <paramref name="asOf"/>: each open project's completion; flags for projects late (past their planned end)
    /// or stalled (no rise in percent for <paramref name="stalledAfterMonths"/> months or more); and for each of <see cref="PlanTargets"/>,
    /// the expected share of its population complete at each of the next 31 month-ends with a 10–90 % band over
    /// <paramref name="simulations"/> Monte Carlo draws (seeded by <paramref name="seed"/>), its status at the due date and the projects
    /// with less than a 90 % chance of finishing by then.
    /// </summary>
    public static ParkForecast Compute(ParkDataset park, RemainingDurationModel model, DateOnly asOf, int stalledAfterMonths = 3, int simulations = 400, int seed = 7)
    {
        var forecasts = model.Forecast(park, asOf);
        var byProject = forecasts.ToDictionary(f => f.ProjectId, StringComparer.Ordinal);
        var medians = ProjectBacktest.MedianByType(park, asOf);
        var reports = ProjectFeatures.ReportsByProject(park);
        var random = new Random(seed);

        var flags = new List<ProjectFlag>();
        foreach (var p in ProjectFeatures.OpenOn(park, asOf))
        {
            var s = ProjectFeatures.At(p, reports.GetValueOrDefault(p.Id) ?? [], null, asOf);
            var late = p.PlannedEnd is { } end && end < asOf;
            var stalled = s.MonthsSinceIncrease >= stalledAfterMonths;
            if (late || stalled)
            {
                flags.Add(new ProjectFlag(p.Id, p.EnterpriseId, Codes<ProjectType>.Of(p.Type), late, stalled, Math.Round(s.MonthsSinceIncrease, 1)));
            }
        }

        var months = Enumerable.Range(0, 31).Select(i => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(i + 1).AddDays(-1)).ToList();
        var outlooks = new List<TargetOutlook>();
        foreach (var target in PlanTargets)
        {
            var population = park.Enterprises.Where(e => target.Population switch
            {
                // Plants that are leaving (relocating) or gone are measured by the riverside target, not the retrofit ones.
                TargetPopulation.AboveSize => e.AboveSize == true && e.Status == EnterpriseStatus.Operating,
                TargetPopulation.Riverside => e.ZoneId == "binjiang" && e.Status is EnterpriseStatus.Relocating or EnterpriseStatus.Closed,
                _ => e.Status == EnterpriseStatus.Operating,
            }).Select(e => e.Id).ToList();
            if (population.Count == 0)
            {
                continue;
            }

            // Each enterprise's projects of the target's types; it counts as done when any of them completes.
            var projects = park.Projects.Where(p => target.Types.Contains(p.Type) && p.Status != ProjectStatus.Cancelled && population.Contains(p.EnterpriseId)).ToList();
            var draws = new DateOnly[simulations][];
            var dueHits = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < simulations; k++)
            {
                var finish = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
                foreach (var p in projects)
                {
                    var date = Sample(p, byProject, medians, asOf, random);
                    if (date <= target.Due)
                    {
                        dueHits[p.Id] = dueHits.GetValueOrDefault(p.Id) + 1;
                    }

                    if (!finish.TryGetValue(p.EnterpriseId, out var current) || date < current)
                    {
                        finish[p.EnterpriseId] = date;
                    }
                }

                draws[k] = [.. population.Select(e => finish.TryGetValue(e, out var d) ? d : DateOnly.MaxValue)];
            }

            OutlookPoint At(DateOnly month)
            {
                var shares = draws.Select(d => (double)d.Count(x => x <= month) / population.Count).Order().ToList();
                return new OutlookPoint(month, Math.Round(shares.Average(), 4), Math.Round(shares[(int)(0.1 * (shares.Count - 1))], 4), Math.Round(shares[(int)(0.9 * (shares.Count - 1))], 4));
            }

            var curve = months.Select(At).ToList();
            var atDue = At(target.Due);
            var status = atDue.Expected >= (double)target.Share ? (atDue.Low >= (double)target.Share ? OutlookStatus.OnTrack : OutlookStatus.AtRisk) : OutlookStatus.OffTrack;
            var risks = projects.Where(p => ProjectFeatures.CompletedOn(p) is not { } d || d > asOf)
                .Select(p =>
                {
                    var probability = (double)dueHits.GetValueOrDefault(p.Id) / simulations;
                    var flag = flags.FirstOrDefault(f => f.ProjectId == p.Id);
                    return new TargetRisk(p.Id, p.EnterpriseId, Codes<ProjectType>.Of(p.Type), Math.Round(probability, 3),
                        byProject.TryGetValue(p.Id, out var f) ? f.Predicted : null, flag?.Late == true, flag?.Stalled == true);
                })
                .Where(r => r.ProbabilityByDue < 0.9)
                .OrderBy(r => r.ProbabilityByDue).ThenBy(r => r.ProjectId, StringComparer.Ordinal)
                .ToList();
            outlooks.Add(new TargetOutlook(target, population.Count, curve, atDue, status, risks));
        }

        return new ParkForecast(asOf, forecasts, outlooks, flags, simulations);
    }

    private static DateOnly Sample(RetrofitProject p, Dictionary<string, CompletionForecast> forecasts, Dictionary<ProjectType, double> medians, DateOnly asOf, Random random)
    {
        if (ProjectFeatures.CompletedOn(p) is { } done && done <= asOf)
        {
            return done;
        }

        if (forecasts.TryGetValue(p.Id, out var f))
        {
            var log = Math.Log(1 + f.RemainingMonths) + (f.SigmaLog * StandardNormal.Sample(random));
            return RemainingDurationModel.AddMonths(asOf, Math.Max(0, Math.Exp(log) - 1));
        }

        // Not started by the as-of date: its start plus a type-typical duration.
        var median = medians.TryGetValue(p.Type, out var m) ? m : SyntheticProjectHistory.MedianMonths[p.Type];
        var start = p.Start > asOf ? p.Start : asOf;
        return RemainingDurationModel.AddMonths(start, median * Math.Exp(0.35 * StandardNormal.Sample(random)));
    }
}
