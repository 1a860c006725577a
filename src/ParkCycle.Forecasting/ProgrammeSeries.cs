using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>A programme with its whole recorded count history, for backtests.</summary>
public sealed record ProgrammeSeries(Programme Programme, IReadOnlyList<ProgrammeProgress> Counts)
{
    /// <summary>
    /// Superfund NPL listing cohorts as programmes: the sites listed in one calendar year are the list (total), the
    /// year's 1 January is the start (0), and each year-end up to <paramref name="lastYear"/> gives the cumulative
    /// construction completions among them.
    /// </summary>
    public static IReadOnlyList<ProgrammeSeries> SuperfundCohorts(IReadOnlyList<SuperfundSite> sites, int firstListingYear, int lastListingYear, int lastYear) =>
        [.. Enumerable.Range(firstListingYear, lastListingYear - firstListingYear + 1)
            .Select(year => (year, cohort: sites.Where(s => s.Listed.Year == year).ToList()))
            .Where(c => c.cohort.Count >= 5)
            .Select(c =>
            {
                var id = $"npl-{c.year}";
                var counts = new List<ProgrammeProgress> { new(id, new DateOnly(c.year, 1, 1), 0, "start: listing year") };
                counts.AddRange(Enumerable.Range(c.year, lastYear - c.year + 1).Select(y =>
                    new ProgrammeProgress(id, new DateOnly(y, 12, 31), c.cohort.Count(s => s.ConstructionComplete?.Year <= y), "US EPA NPL site file")));
                return new ProgrammeSeries(new Programme(id, $"NPL sites listed in {c.year}", null, c.cohort.Count, null, "US EPA NPL site file"), counts);
            })];
}
