using System.Globalization;
using Microsoft.ML;

namespace ParkCycle.Forecasting;

/// <summary>
/// A discrete-time hazard model of construction completion (ML.NET FastTree, binary): one row per site per
/// calendar year at risk up to the cut-off, with years since listing, hazard-ranking score, EPA region and
/// listing year; the label is whether construction completed that year. For each site open at the cut-off,
/// P(complete in year y) = Π(1 − h) over the years before × h(y); summing over sites gives the expected count,
/// and a Poisson-binomial simulation gives the sites' chance variation. That variation alone is too narrow (the
/// model's own error is larger), so the band is widened by rolling-origin split conformal: the same method, run
/// from earlier year-ends on the record as known at the cut-off, gives errors whose 10th–90th percentiles are
/// added around the prediction. Kaplan–Meier over years since listing is the baseline, conditioned the same way
/// on each site's years already elapsed.
/// </summary>
public static class SuperfundForecaster
{
    /// <summary>How many earlier year-ends calibrate the band (the default is 10).</summary>
    public const int CalibrationOrigins = 10;

    private const string MethodDescription =
        "discrete-time hazard, ML.NET FastTree binary (years since listing, site score, region, listing year); band: Poisson-binomial simulation widened by rolling-origin split-conformal errors on yearly counts (origins the 10 year-ends before the cut-off, data known at the cut-off only)";

    /// <summary>Forecasts each calendar year after <paramref name="asOf"/> up to <paramref name="lastYear"/> from what was known on <paramref name="asOf"/>, and scores it against the record.</summary>
    public static SuperfundBacktest Backtest(IReadOnlyList<SuperfundSite> sites, DateOnly asOf, int lastYear, int seed = 42, int simulations = 2000)
    {
        var years = Enumerable.Range(asOf.Year + 1, Math.Max(0, lastYear - asOf.Year)).ToArray();
        var forecast = Forecast(sites, asOf, years, seed, simulations);
        var calibration = Calibrate(KnownOn(sites, asOf), asOf, seed);
        var result = years.Select((year, j) => Year(forecast, calibration, j)).ToList();
        var scored = result.Where(y => y.Actual is not null).ToList();
        return new SuperfundBacktest(asOf, forecast.Open.Count, forecast.TrainingRows, result,
            MeanAbsoluteError(scored, y => y.Predicted),
            MeanAbsoluteError(scored, y => y.BaselineKm),
            MethodDescription,
            Share(scored, y => y.Actual >= y.Low && y.Actual <= y.High),
            Share(scored, y => y.Actual >= y.ModelLow && y.Actual <= y.ModelHigh),
            calibration);
    }

    /// <summary>The record as it stood on <paramref name="asOf"/>: sites listed by then, completions after it not yet known.</summary>
    private static List<SuperfundSite> KnownOn(IReadOnlyList<SuperfundSite> sites, DateOnly asOf) =>
        [.. sites.Where(s => s.Listed <= asOf).Select(s => s.ConstructionComplete > asOf ? s with { ConstructionComplete = null } : s)];

    /// <summary>One run of the method from <paramref name="asOf"/>: it trains only on <see cref="KnownOn"/>; <paramref name="sites"/> beyond that is used for scoring.</summary>
    private static YearlyForecast Forecast(IReadOnlyList<SuperfundSite> sites, DateOnly asOf, int[] years, int seed, int simulations)
    {
        var known = KnownOn(sites, asOf);
        var rows = TrainingRows(known, asOf);
        var engine = TrainHazard(rows, seed);
        var km = new KaplanMeier(known.Select(s => s.ConstructionComplete is { } c
            ? ((double)(c.Year - s.Listed.Year + 1), true)
            : ((double)(asOf.Year - s.Listed.Year + 1), false)));

        // The sites open at the cut-off as the record has them, so their later completions can be scored.
        var open = sites.Where(s => s.Listed <= asOf && !(s.ConstructionComplete <= asOf)).ToList();
        var probability = new double[open.Count, years.Length];
        var baseline = new double[years.Length];
        for (var i = 0; i < open.Count; i++)
        {
            var survive = 1.0;
            var elapsed = asOf.Year - open[i].Listed.Year + 1;
            for (var j = 0; j < years.Length; j++)
            {
                var h = engine.Predict(Row(open[i], years[j], false)).Probability;
                probability[i, j] = survive * h;
                survive *= 1 - h;
                baseline[j] += km.EndsBetween(elapsed, elapsed + j, elapsed + j + 1);
            }
        }

        var expected = Enumerable.Range(0, years.Length).Select(j => Enumerable.Range(0, open.Count).Sum(i => probability[i, j])).ToArray();
        var (low, high) = ChanceBand(probability, seed, simulations);
        return new YearlyForecast(open, rows.Count, years, expected, baseline, low, high);
    }

    /// <summary>One row per site per calendar year at risk up to the cut-off; the cut-off year counts only if the cut-off closes it (31 December).</summary>
    private static List<SiteYear> TrainingRows(List<SuperfundSite> known, DateOnly asOf)
    {
        var rows = new List<SiteYear>();
        var closesYear = asOf == new DateOnly(asOf.Year, 12, 31);
        foreach (var s in known)
        {
            var end = s.ConstructionComplete?.Year ?? asOf.Year;
            for (var y = s.Listed.Year; y <= end; y++)
            {
                var completed = s.ConstructionComplete?.Year == y;
                if (y == asOf.Year && !closesYear && !completed)
                {
                    break;
                }

                rows.Add(Row(s, y, completed));
            }
        }

        return rows;
    }

    private static PredictionEngine<SiteYear, Hazard> TrainHazard(List<SiteYear> rows, int seed)
    {
        var ml = new MLContext(seed);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("RegionKey", nameof(SiteYear.Region))
            .Append(ml.Transforms.Concatenate("Features", nameof(SiteYear.YearsSinceListing), nameof(SiteYear.Score), nameof(SiteYear.ListingYear), "RegionKey"))
            .Append(ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                NumberOfLeaves = 8,
                NumberOfTrees = 150,
                MinimumExampleCountPerLeaf = 40,
                LearningRate = 0.08,
                LabelColumnName = nameof(SiteYear.Label),
                FeatureColumnName = "Features",
            }));
        return ml.Model.CreatePredictionEngine<SiteYear, Hazard>(pipeline.Fit(ml.Data.LoadFromEnumerable(rows)));
    }

    /// <summary>The 10th and 90th percentiles of each year's count when each site completes in at most one year (Poisson-binomial, by simulation).</summary>
    private static (double[] Low, double[] High) ChanceBand(double[,] probability, int seed, int simulations)
    {
        var (sites, years) = (probability.GetLength(0), probability.GetLength(1));
        var low = new double[years];
        var high = new double[years];
        if (simulations <= 0)
        {
            return (low, high);
        }

        var random = new Random(seed);
        var counts = new int[years][];
        for (var j = 0; j < years; j++)
        {
            counts[j] = new int[simulations];
        }

        for (var k = 0; k < simulations; k++)
        {
            for (var i = 0; i < sites; i++)
            {
                var u = random.NextDouble();
                for (var j = 0; j < years; j++)
                {
                    u -= probability[i, j];
                    if (u < 0)
                    {
                        counts[j][k]++;
                        break;
                    }
                }
            }
        }

        for (var j = 0; j < years; j++)
        {
            Array.Sort(counts[j]);
            low[j] = counts[j][(int)(0.1 * (simulations - 1))];
            high[j] = counts[j][(int)(0.9 * (simulations - 1))];
        }

        return (low, high);
    }

    /// <summary>
    /// Runs the method from each of the <see cref="CalibrationOrigins"/> year-ends before the cut-off on the record
    /// as known at the cut-off, and takes the conformal quantiles of the scaled errors on every year it can score.
    /// </summary>
    private static SuperfundCalibration Calibrate(List<SuperfundSite> knownAtCutoff, DateOnly asOf, int seed)
    {
        // The last year whose completions are all known at the cut-off.
        var lastKnown = asOf == new DateOnly(asOf.Year, 12, 31) ? asOf.Year : asOf.Year - 1;
        var origins = Enumerable.Range(1, CalibrationOrigins).Select(k => new DateOnly(lastKnown - k, 12, 31))
            .Where(o => knownAtCutoff.Any(s => s.Listed <= o)).Reverse().ToList();
        var scores = new List<double>();
        foreach (var origin in origins)
        {
            var years = Enumerable.Range(origin.Year + 1, lastKnown - origin.Year).ToArray();
            var f = Forecast(knownAtCutoff, origin, years, seed, simulations: 0);
            for (var j = 0; j < years.Length; j++)
            {
                scores.Add((f.Actual[j] - f.Expected[j]) / Scale(f.Expected[j]));
            }
        }

        var (q10, q90) = scores.Count == 0 ? (0.0, 0.0) : ConformalQuantiles.Of(scores);
        return new SuperfundCalibration(origins, scores.Count, Math.Round(q10, 3), Math.Round(q90, 3));
    }

    /// <summary>The year's prediction with the chance band widened (never narrowed) by the conformal errors, rounded outward to whole sites.</summary>
    private static SuperfundYear Year(YearlyForecast f, SuperfundCalibration calibration, int j)
    {
        var expected = f.Expected[j];
        var low = Math.Max(0, Math.Min(f.Low[j], Math.Floor(expected + (calibration.Q10 * Scale(expected)))));
        var high = Math.Max(f.High[j], Math.Ceiling(expected + (calibration.Q90 * Scale(expected))));
        return new SuperfundYear(f.Years[j], Math.Round(expected, 1), low, high, Math.Round(f.Baseline[j], 1), f.Actual[j], f.Low[j], f.High[j]);
    }

    /// <summary>Errors in counts grow like a count's standard deviation: √max(predicted, 1).</summary>
    private static double Scale(double expected) => Math.Sqrt(Math.Max(expected, 1));

    private static double? MeanAbsoluteError(List<SuperfundYear> scored, Func<SuperfundYear, double> predicted) =>
        scored.Count == 0 ? null : Math.Round(scored.Average(y => Math.Abs(predicted(y) - y.Actual!.Value)), 2);

    private static double? Share(List<SuperfundYear> scored, Func<SuperfundYear, bool> inside) =>
        scored.Count == 0 ? null : Math.Round((double)scored.Count(inside) / scored.Count, 3);

    private static SiteYear Row(SuperfundSite s, int year, bool completed) => new()
    {
        YearsSinceListing = year - s.Listed.Year,
        Score = (float)(s.SiteScore ?? 0),
        ListingYear = s.Listed.Year,
        Region = s.Region.ToString(CultureInfo.InvariantCulture),
        Label = completed,
    };

    /// <summary>What one run of the method says: per year the expected count, the baseline, the chance band and the record's count among the open sites.</summary>
    private sealed record YearlyForecast(List<SuperfundSite> Open, int TrainingRows, int[] Years, double[] Expected, double[] Baseline, double[] Low, double[] High)
    {
        public int[] Actual { get; } = [.. Years.Select(y => Open.Count(s => s.ConstructionComplete?.Year == y))];
    }

    private sealed class SiteYear
    {
        public float YearsSinceListing { get; set; }

        public float Score { get; set; }

        public float ListingYear { get; set; }

        public string Region { get; set; } = string.Empty;

        public bool Label { get; set; }
    }

    private sealed class Hazard
    {
        public float Probability { get; set; }
    }
}
