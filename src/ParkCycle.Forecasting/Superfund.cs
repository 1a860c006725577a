using System.Globalization;
using Microsoft.ML;
using ParkCycle.Domain.Datasets;

namespace ParkCycle.Forecasting;

/// <summary>One US EPA Superfund NPL site: when it was listed and when construction was completed (null: still under way).</summary>
public sealed record SuperfundSite(string EpaId, string Name, DateOnly Listed, DateOnly? ConstructionComplete, double? SiteScore, int Region, string State);

/// <summary>
/// Reads the EPA's NPL site file (<c>npl-sites.csv</c>: UTF-8 with BOM, M/D/YYYY dates, quoted HTML fields)
/// through the same CSV reader as datasets. Sites without a listing date (proposed only) are skipped.
/// </summary>
public static class SuperfundAdapter
{
    public static IReadOnlyList<SuperfundSite> Read(string path)
    {
        var problems = new List<DatasetError>();
        var table = CsvTableReader.ReadFile(path, Path.GetFileName(path), problems, 256L * 1024 * 1024)
            ?? throw new DatasetException(problems);
        foreach (var column in new[] { "Site_EPA_ID", "Listing_Date", "Construction_Completion_Date" })
        {
            if (!table.HasColumn(column))
            {
                throw new DatasetException([table.ErrorInHeader(column, $"missing required column '{column}'")]);
            }
        }

        var sites = new List<SuperfundSite>();
        foreach (var row in table.Rows)
        {
            if (Date(table.Get(row, "Listing_Date")) is not { } listed)
            {
                continue;
            }

            sites.Add(new SuperfundSite(
                table.Get(row, "Site_EPA_ID") ?? string.Empty,
                table.Get(row, "Site_Name") ?? string.Empty,
                listed,
                Date(table.Get(row, "Construction_Completion_Date")),
                double.TryParse(table.Get(row, "Site_Score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null,
                int.TryParse(table.Get(row, "Region_ID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var region) ? region : 0,
                table.Get(row, "State") ?? string.Empty));
        }

        return sites;
    }

    private static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>One calendar year of the Superfund backtest (JSON field names are a contract).</summary>
public sealed record SuperfundYear(int Year, double Predicted, double Low, double High, double BaselineKm, int? Actual);

/// <summary>The Superfund backtest: yearly completions predicted from what was known at the cut-off, against Kaplan–Meier and the record.</summary>
public sealed record SuperfundBacktest(DateOnly AsOf, int SitesOpenAtCutoff, int TrainingSiteYears, IReadOnlyList<SuperfundYear> Years, double? MaeModel, double? MaeKm, string Method);

/// <summary>
/// A discrete-time hazard model of construction completion (ML.NET FastTree, binary): one row per site per
/// calendar year at risk up to the cut-off, with years since listing, hazard-ranking score, EPA region and
/// listing year; the label is whether construction completed that year. For each site open at the cut-off,
/// P(complete in year y) = Π(1 − h) over the years before × h(y); summing over sites gives the expected count,
/// and a Poisson-binomial simulation gives the 10–90% band. Kaplan–Meier over years since listing is the
/// baseline, conditioned the same way on each site's years already elapsed.
/// </summary>
public static class SuperfundForecaster
{
    public static SuperfundBacktest Backtest(IReadOnlyList<SuperfundSite> sites, DateOnly asOf, int lastYear, int seed = 42, int simulations = 2000)
    {
        var cutYear = asOf.Year;
        var known = sites.Where(s => s.Listed <= asOf).ToList();
        var rows = new List<SiteYear>();
        foreach (var s in known)
        {
            var end = s.ConstructionComplete is { } c && c <= asOf ? c.Year : cutYear;
            for (var y = s.Listed.Year; y <= end; y++)
            {
                // The cut-off year counts only if the cut-off closes it (31 December).
                if (y == cutYear && asOf < new DateOnly(cutYear, 12, 31) && !(s.ConstructionComplete is { } cc && cc <= asOf && cc.Year == y))
                {
                    break;
                }

                rows.Add(Row(s, y, s.ConstructionComplete is { } done && done <= asOf && done.Year == y));
            }
        }

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
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
        var engine = ml.Model.CreatePredictionEngine<SiteYear, Hazard>(model);

        // Kaplan–Meier over whole years since listing (events at year index y − listing year + 1).
        var km = new KaplanMeier(known.Select(s => s.ConstructionComplete is { } c && c <= asOf
            ? ((double)(c.Year - s.Listed.Year + 1), true)
            : ((double)(cutYear - s.Listed.Year + 1), false)));

        var open = known.Where(s => s.ConstructionComplete is not { } c || c > asOf).ToList();
        var years = Enumerable.Range(cutYear + 1, Math.Max(0, lastYear - cutYear)).ToList();
        var probability = new double[open.Count, years.Count];
        var baseline = new double[years.Count];
        for (var i = 0; i < open.Count; i++)
        {
            var survive = 1.0;
            var elapsed = cutYear - open[i].Listed.Year + 1;
            for (var j = 0; j < years.Count; j++)
            {
                var h = engine.Predict(Row(open[i], years[j], false)).Probability;
                probability[i, j] = survive * h;
                survive *= 1 - h;
                baseline[j] += km.EndsBetween(elapsed, elapsed + j, elapsed + j + 1);
            }
        }

        // Poisson-binomial band by simulation: each site completes in at most one year.
        var random = new Random(seed);
        var counts = new int[simulations, years.Count];
        for (var k = 0; k < simulations; k++)
        {
            for (var i = 0; i < open.Count; i++)
            {
                var u = random.NextDouble();
                for (var j = 0; j < years.Count; j++)
                {
                    u -= probability[i, j];
                    if (u < 0)
                    {
                        counts[k, j]++;
                        break;
                    }
                }
            }
        }

        var result = new List<SuperfundYear>();
        for (var j = 0; j < years.Count; j++)
        {
            var column = Enumerable.Range(0, simulations).Select(k => counts[k, j]).Order().ToList();
            var expected = Enumerable.Range(0, open.Count).Sum(i => probability[i, j]);
            var year = years[j];
            var actual = open.Count(s => s.ConstructionComplete is { } c && c.Year == year);
            result.Add(new SuperfundYear(year, Math.Round(expected, 1), column[(int)(0.1 * (simulations - 1))], column[(int)(0.9 * (simulations - 1))], Math.Round(baseline[j], 1), actual));
        }

        var scored = result.Where(y => y.Actual is not null).ToList();
        return new SuperfundBacktest(asOf, open.Count, rows.Count, result,
            scored.Count == 0 ? null : Math.Round(scored.Average(y => Math.Abs(y.Predicted - y.Actual!.Value)), 2),
            scored.Count == 0 ? null : Math.Round(scored.Average(y => Math.Abs(y.BaselineKm - y.Actual!.Value)), 2),
            "discrete-time hazard, ML.NET FastTree binary (years since listing, site score, region, listing year); band: Poisson-binomial simulation");
    }

    private static SiteYear Row(SuperfundSite s, int year, bool completed) => new()
    {
        YearsSinceListing = year - s.Listed.Year,
        Score = (float)(s.SiteScore ?? 0),
        ListingYear = s.Listed.Year,
        Region = s.Region.ToString(CultureInfo.InvariantCulture),
        Label = completed,
    };

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
