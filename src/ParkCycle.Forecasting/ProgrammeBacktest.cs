namespace ParkCycle.Forecasting;

/// <summary>
/// Rolling-origin backtest of <see cref="ProgrammeForecaster"/>: for each series and each origin from its
/// <c>minimumPoints</c>-th count on (the start and two counts at least), forecast the later counts up to
/// <c>horizonCounts</c> ahead from the counts up to the origin only, and score them.
/// </summary>
public static class ProgrammeBacktest
{
    /// <summary>Scores every origin of every series; origins past <paramref name="maximumPoints"/> counts are skipped (the interesting part of a programme is its start).</summary>
    public static ProgrammeBacktestReport Run(IReadOnlyList<ProgrammeSeries> series, ProgrammeForecastOptions? options = null, int minimumPoints = 3, int maximumPoints = 8, int horizonCounts = 5)
    {
        var inside = 0;
        var scored = 0;
        double error = 0, shareError = 0, width = 0;
        foreach (var s in series)
        {
            var counts = s.Counts.OrderBy(c => c.Date).ToList();
            for (var origin = minimumPoints - 1; origin < Math.Min(counts.Count - 1, maximumPoints); origin++)
            {
                if (counts[origin].Completed == s.Programme.Total)
                {
                    break; // nothing left to forecast
                }

                var later = counts.Skip(origin + 1).Take(horizonCounts).ToList();
                var forecast = ProgrammeForecaster.Forecast(s.Programme, counts.Take(origin + 1).ToList(), counts[origin].Date, [.. later.Select(c => c.Date)], options);
                foreach (var (point, actual) in forecast.Forecast.Zip(later))
                {
                    scored++;
                    inside += actual.Completed >= point.Low && actual.Completed <= point.High ? 1 : 0;
                    error += Math.Abs(point.Predicted - actual.Completed);
                    shareError += Math.Abs(point.Predicted - actual.Completed) / (double)s.Programme.Total;
                    width += (point.High - point.Low) / (double)s.Programme.Total;
                }
            }
        }

        return scored == 0
            ? new ProgrammeBacktestReport(series.Count, 0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new ProgrammeBacktestReport(series.Count, scored, Math.Round((double)inside / scored, 3), Math.Round(error / scored, 2), Math.Round(shareError / scored, 4), Math.Round(width / scored, 4));
    }
}
