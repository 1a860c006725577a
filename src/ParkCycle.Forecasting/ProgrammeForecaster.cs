using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>
/// Forecasts a programme known only as counts (so many listed, so many done by a date) from a handful of points.
/// The items still open complete at a yearly hazard λ (a saturating curve: the count approaches the total and
/// never passes it). λ has a Gamma posterior from the counts up to the as-of date — each interval's completions
/// are Poisson with mean λ × the item-years at risk (trapezoid), under a weak Gamma prior — widened by the
/// counts' own over-dispersion when there are enough intervals to see it. The future is simulated month by
/// month: λ drawn from the posterior, then wandering as a random walk on its logarithm
/// (<see cref="ProgrammeForecastOptions.HazardDriftPerYear"/>), completions binomial among the open items.
/// The 80% band and the completion dates are percentiles of the simulated paths.
/// </summary>
public static class ProgrammeForecaster
{
    private const double DaysPerYear = 365.25;

    /// <summary>The default forecast dates: the 24 month-ends after <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<DateOnly> NextMonthEnds(DateOnly asOf, int count = 24) =>
        [.. Enumerable.Range(1, count).Select(i => MonthEnd(new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(i)))];

    /// <summary>Forecasts every programme of a dataset (in file order).</summary>
    public static IReadOnlyList<ProgrammeForecast> ForecastAll(ParkDataset park, DateOnly asOf, IReadOnlyList<DateOnly>? at = null, ProgrammeForecastOptions? options = null) =>
        [.. park.Programmes.Select(p => Forecast(p, [.. park.ProgrammeProgress.Where(c => c.ProgrammeId == p.Id)], asOf, at, options))];

    /// <summary>
    /// Forecasts one programme's cumulative completions at <paramref name="at"/> (default: the next 24 month-ends)
    /// from its counts dated on or before <paramref name="asOf"/>; later counts are ignored.
    /// </summary>
    public static ProgrammeForecast Forecast(Programme programme, IReadOnlyList<ProgrammeProgress> counts, DateOnly asOf, IReadOnlyList<DateOnly>? at = null, ProgrammeForecastOptions? options = null)
    {
        options ??= new ProgrammeForecastOptions();
        var dates = (at ?? NextMonthEnds(asOf)).Order().ToList();
        var known = counts.Where(c => c.Date <= asOf).OrderBy(c => c.Date).ToList();
        var reached = known.Count == 0 ? 0 : known[^1].Completed;
        var (shape, rate) = Posterior(programme.Total, known, options);

        var horizon = new[] { asOf.AddYears(options.CompletionHorizonYears) }.Concat(dates).Max();
        var grid = Grid(asOf, dates, horizon);
        var paths = Simulate(programme.Total - reached, shape, rate, asOf, grid, options);

        var points = dates.Select(d => Point(d, d <= asOf ? CountOn(known, d) : null, paths, grid, reached)).ToList();
        var completion = Completion(paths, grid, programme.Total - reached, known.FirstOrDefault(c => c.Completed == programme.Total)?.Date);
        return new ProgrammeForecast(programme.Id, programme.Total, asOf, points, completion);
    }

    /// <summary>The Gamma posterior (shape, rate) of the yearly hazard, widened by the counts' over-dispersion.</summary>
    private static (double Shape, double Rate) Posterior(int total, List<ProgrammeProgress> known, ProgrammeForecastOptions options)
    {
        var priorRate = options.PriorWeightYears * total;
        var priorShape = options.PriorHazard * priorRate;
        var intervals = new List<(int Done, double Exposure)>();
        for (var k = 1; k < known.Count; k++)
        {
            var years = (known[k].Date.DayNumber - known[k - 1].Date.DayNumber) / DaysPerYear;
            var before = total - known[k - 1].Completed;
            var after = total - known[k].Completed;
            intervals.Add((known[k].Completed - known[k - 1].Completed, years * (before + after) / 2.0));
        }

        var done = intervals.Sum(i => i.Done);
        var exposure = intervals.Sum(i => i.Exposure);
        var dispersion = 1.0;
        if (intervals.Count >= 3 && done > 0 && exposure > 0)
        {
            // Pearson's statistic over the intervals: batches of completions (a deadline, a campaign) show as > 1.
            var hazard = done / exposure;
            var chi2 = intervals.Where(i => i.Exposure > 0).Sum(i => Math.Pow(i.Done - (hazard * i.Exposure), 2) / (hazard * i.Exposure));
            dispersion = Math.Max(1, chi2 / (intervals.Count - 1));
        }

        return ((priorShape + done) / dispersion, (priorRate + exposure) / dispersion);
    }

    /// <summary>The simulation's step ends: month-ends up to the horizon and every requested date after the as-of date.</summary>
    private static DateOnly[] Grid(DateOnly asOf, List<DateOnly> dates, DateOnly horizon)
    {
        var steps = new SortedSet<DateOnly>(dates.Where(d => d > asOf));
        for (var m = MonthEnd(asOf); m <= horizon; m = MonthEnd(m.AddDays(1)))
        {
            if (m > asOf)
            {
                steps.Add(m);
            }
        }

        return [.. steps];
    }

    /// <summary>Simulated completions after the as-of date: paths[k][j] = items completed by grid[j] in path k.</summary>
    private static int[][] Simulate(int open, double shape, double rate, DateOnly asOf, DateOnly[] grid, ProgrammeForecastOptions options)
    {
        var random = new Random(options.Seed);
        var paths = new int[options.Simulations][];
        for (var k = 0; k < paths.Length; k++)
        {
            var path = paths[k] = new int[grid.Length];
            var hazard = RandomDraws.Gamma(random, Math.Max(shape, 1e-6), rate);
            var remaining = open;
            var previous = asOf;
            for (var j = 0; j < grid.Length; j++)
            {
                var years = (grid[j].DayNumber - previous.DayNumber) / DaysPerYear;
                hazard *= Math.Exp(options.HazardDriftPerYear * Math.Sqrt(years) * StandardNormal.Sample(random));
                remaining -= RandomDraws.Binomial(random, remaining, 1 - Math.Exp(-hazard * years));
                path[j] = open - remaining;
                previous = grid[j];
            }
        }

        return paths;
    }

    private static ProgrammePoint Point(DateOnly date, int? recorded, int[][] paths, DateOnly[] grid, int reached)
    {
        if (recorded is { } r)
        {
            return new ProgrammePoint(date, r, r, r); // on or before the as-of date the count is known
        }

        var j = Array.BinarySearch(grid, date);
        var counts = paths.Select(p => reached + p[j]).Order().ToArray();
        return new ProgrammePoint(date, Percentile(counts, 0.5), Percentile(counts, 0.1), Percentile(counts, 0.9));
    }

    /// <summary>The date each path reaches the total (the end of the step it happens in); percentiles, null past the horizon.</summary>
    private static ProgrammeCompletion Completion(int[][] paths, DateOnly[] grid, int open, DateOnly? reachedOn)
    {
        if (open == 0)
        {
            return new ProgrammeCompletion(reachedOn, reachedOn, reachedOn);
        }

        // Paths never fall, so the first step holding every open item is when the total is reached.
        var steps = paths.Select(p => Array.IndexOf(p, open) is var j and >= 0 ? j : int.MaxValue).Order().ToArray();
        DateOnly? At(double q) => steps[(int)Math.Round(q * (steps.Length - 1))] is var s && s != int.MaxValue ? grid[s] : null;
        return new ProgrammeCompletion(At(0.1), At(0.5), At(0.9));
    }

    private static int CountOn(List<ProgrammeProgress> known, DateOnly date) =>
        known.LastOrDefault(c => c.Date <= date)?.Completed ?? 0;

    private static int Percentile(int[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

    private static DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
}
