using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting.Tests;

public class ForecastTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    [Fact]
    public void Backtest_OnLinxiang_CoverageIsWithinTenPointsOfNominalAndTheModelBeatsTheBaselines()
    {
        var report = ProjectBacktest.Run(Repo.Linxiang.Value, [new(2023, 5, 31), new(2023, 11, 30), new(2024, 5, 31)]);

        var model = report.Scores.Single(s => s.Method == "model");
        Assert.True(model.Forecasts >= 100, $"only {model.Forecasts} held-out forecasts");
        Assert.InRange(model.Coverage!.Value, 0.70, 0.90);
        Assert.Equal(["model", "median-by-type", "linear-progress", "kaplan-meier-by-type"], report.Scores.Select(s => s.Method).ToArray());
        Assert.True(report.ModelBeatsBestBaseline, $"model MAE {model.MaeMonths} vs best baseline {report.Best}");
    }

    [Fact]
    public void Forecast_NeverForecastsACompletedProject()
    {
        var park = Repo.Linxiang.Value;
        var model = RemainingDurationModel.Train(park, AsOf)!;

        var forecasts = model.Forecast(park, AsOf);

        var completed = park.Projects.Where(p => p.Status == ProjectStatus.Completed && p.CompletedOn <= AsOf).Select(p => p.Id).ToHashSet();
        Assert.NotEmpty(forecasts);
        Assert.DoesNotContain(forecasts, f => completed.Contains(f.ProjectId));
        Assert.All(forecasts, f => Assert.True(f.Low <= f.Predicted && f.Predicted <= f.High && f.Low >= AsOf));
    }

    [Fact]
    public void Outlook_ReportsEveryPlanTargetWithABandAndRanksRisks()
    {
        var park = Repo.Linxiang.Value;
        var forecast = ParkOutlook.Compute(park, RemainingDurationModel.Train(park, AsOf)!, AsOf);

        Assert.Equal(["cleaner-production", "circular-transformation", "energy-saving-above-size", "riverside-exit"], forecast.Targets.Select(t => t.Target.Id).ToArray());
        foreach (var t in forecast.Targets)
        {
            Assert.All(t.Curve, p => Assert.True(p.Low <= p.High && p.Low >= 0 && p.High <= 1 && p.Expected is >= 0 and <= 1));
            // Completion shares never fall as months pass.
            Assert.True(t.Curve.Zip(t.Curve.Skip(1)).All(x => x.First.Expected <= x.Second.Expected + 1e-9));
            Assert.True(t.Risks.Zip(t.Risks.Skip(1)).All(x => x.First.ProbabilityByDue <= x.Second.ProbabilityByDue));
        }
    }

    [Fact]
    public void Flags_MarkLateAndStalledProjects()
    {
        var park = Repo.Linxiang.Value;
        var forecast = ParkOutlook.Compute(park, RemainingDurationModel.Train(park, AsOf)!, AsOf, stalledAfterMonths: 3);

        Assert.NotEmpty(forecast.Flags);
        foreach (var flag in forecast.Flags)
        {
            var project = park.Projects.Single(p => p.Id == flag.ProjectId);
            Assert.True(!flag.Late || project.PlannedEnd < AsOf);
            Assert.True(!flag.Stalled || flag.MonthsSinceProgress >= 3);
        }
    }

    [Fact]
    public void SyntheticHistory_IsValidDeterministicAndLabelled()
    {
        var park = Repo.Linxiang.Value;

        var (a, pa) = SyntheticProjectHistory.Generate(park, 42, new DateOnly(2025, 6, 30));
        var (b, _) = SyntheticProjectHistory.Generate(park, 42, new DateOnly(2025, 6, 30));

        Assert.Equal(a, b);
        Assert.All(a, p => Assert.StartsWith("syn-", p.Id, StringComparison.Ordinal));
        var withProjects = new ParkDataset(park.Manifest, park.Zones, park.Enterprises, park.Materials, park.Flows, park.Substitutions, a, pa, park.Catalog);
        var files = DatasetWriter.ToFiles(withProjects);
        var reread = DatasetReader.ReadFiles(files, CatalogReader.Default);
        Assert.Empty(reread.Errors);
        Assert.Contains(a, p => p.Type == ProjectType.Relocation);
    }

    [Fact]
    public void KaplanMeier_MatchesAHandComputedCurve()
    {
        // Durations 1, 2 (censored), 3, 3, 4: S(1) = 4/5, S(3) = 4/5 × (1 − 2/3) = 4/15, S(4) = 0.
        var km = new KaplanMeier([(1, true), (2, false), (3, true), (3, true), (4, true)]);

        Assert.Equal(0.8, km.Survival(1), 6);
        Assert.Equal(0.8, km.Survival(2.5), 6);
        Assert.Equal(4.0 / 15, km.Survival(3), 6);
        Assert.Equal(0, km.Survival(4), 6);
        Assert.Equal(2, km.MedianRemaining(1));
    }
}
