using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>Builds snapshots from a park's projects and progress as known on a date.</summary>
public static class ProjectFeatures
{
    /// <summary>Mean month length in days (365.25 / 12, rounded): the unit of every month figure in forecasting.</summary>
    public const double DaysPerMonth = 30.44;

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/>, fractional, at <see cref="DaysPerMonth"/> days a month; negative when <paramref name="to"/> is earlier.</summary>
    public static double Months(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerMonth;

    /// <summary>The snapshot of a project on <paramref name="date"/>, from reports dated on or before it.</summary>
    public static ProjectSnapshot At(RetrofitProject project, IReadOnlyList<ProgressReport> reports, Enterprise? enterprise, DateOnly date)
    {
        var known = reports.Where(r => r.Date <= date).ToList();
        var percent = known.Count > 0 ? (double)known[^1].PercentComplete : 0;
        var threeMonthsAgo = date.AddMonths(-3);
        var before = known.LastOrDefault(r => r.Date <= threeMonthsAgo);
        var rate = before is null
            ? (known.Count > 0 ? percent / Math.Max(1, Months(project.Start, date)) : 0)
            : (percent - (double)before.PercentComplete) / Math.Max(0.5, Months(before.Date, date));
        var lastIncrease = project.Start;
        for (var i = 1; i < known.Count; i++)
        {
            if (known[i].PercentComplete > known[i - 1].PercentComplete)
            {
                lastIncrease = known[i].Date;
            }
        }

        var elapsed = Months(project.Start, date);
        var planned = project.PlannedEnd is { } end ? Months(project.Start, end) : 0;
        var budget = (double)(project.Budget10kCny ?? 0);
        return new ProjectSnapshot
        {
            ProjectId = project.Id,
            Type = Codes<ProjectType>.Of(project.Type),
            ElapsedMonths = (float)elapsed,
            PlannedMonths = (float)planned,
            OverPlan = planned > 0 ? (float)(elapsed / planned) : 0,
            Percent = (float)percent,
            RecentRate = (float)rate,
            MonthsSinceIncrease = (float)Months(lastIncrease, date),
            SubsidyShare = budget > 0 ? (float)((double)(project.Subsidy10kCny ?? 0) / budget) : 0,
            LogBudget = (float)Math.Log(1 + budget),
            AboveSize = enterprise?.AboveSize == true ? 1 : 0,
        };
    }

    /// <summary>
    /// Training rows as known on <paramref name="cutoff"/>: a snapshot at every report of every project completed
    /// by then, labelled with the months that remained. Projects still open at the cut-off teach nothing here.
    /// </summary>
    public static List<ProjectSnapshot> TrainingRows(ParkDataset park, DateOnly cutoff)
    {
        var reports = ReportsByProject(park);
        var rows = new List<ProjectSnapshot>();
        foreach (var project in park.Projects)
        {
            if (CompletedOn(project) is not { } done || done > cutoff)
            {
                continue;
            }

            var enterprise = park.FindEnterprise(project.EnterpriseId);
            var list = reports.GetValueOrDefault(project.Id) ?? [];
            foreach (var report in list.Where(r => r.Date < done))
            {
                var s = At(project, list, enterprise, report.Date);
                s.RemainingMonths = (float)Months(report.Date, done);
                s.Label = (float)Math.Log(1 + s.RemainingMonths);
                rows.Add(s);
            }
        }

        return rows;
    }

    /// <summary>Projects open on <paramref name="date"/> (started, not completed nor cancelled by then).</summary>
    public static IEnumerable<RetrofitProject> OpenOn(ParkDataset park, DateOnly date) =>
        park.Projects.Where(p => p.Start <= date && p.Status != ProjectStatus.Cancelled && (CompletedOn(p) is not { } done || done > date));

    /// <summary>The completion date of a completed project; null while it is open, when cancelled, or when the date is not recorded.</summary>
    public static DateOnly? CompletedOn(RetrofitProject project) => project.Status == ProjectStatus.Completed ? project.CompletedOn : null;

    /// <summary>The park's progress reports grouped by project id, each list oldest first.</summary>
    public static Dictionary<string, List<ProgressReport>> ReportsByProject(ParkDataset park) =>
        park.Progress.GroupBy(r => r.ProjectId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Date).ToList(), StringComparer.Ordinal);
}
