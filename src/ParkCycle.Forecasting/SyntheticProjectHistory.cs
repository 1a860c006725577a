using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>
/// Generates SYNTHETIC retrofit and clean-up project histories for a park's enterprises (docs/synthetic-projects.md):
/// every operating enterprise gets a cleaner-production audit, a cleaner-production and a circular-transformation
/// retrofit; above-size enterprises an energy-saving retrofit; relocating riverside plants a relocation and closed
/// ones a closure and a site remediation. Durations are log-normal around type-specific medians, shortened by
/// subsidy share and size, with some projects stalling for months; progress follows an S-curve, reported monthly.
/// Deterministic for a seed. Project ids start with <c>syn-</c>.
/// </summary>
public static class SyntheticProjectHistory
{
    /// <summary>Where a generated history ends unless told otherwise (the end of the seed's reporting half-year, 2025-06-30); not a forecast date.</summary>
    public static readonly DateOnly DefaultEnd = new(2025, 6, 30);

    /// <summary>Median planned duration in months by type (estimates; sources in docs/synthetic-projects.md).</summary>
    public static IReadOnlyDictionary<ProjectType, double> MedianMonths { get; } = new Dictionary<ProjectType, double>
    {
        [ProjectType.CleanerProductionAudit] = 7,
        [ProjectType.CleanerProduction] = 14,
        [ProjectType.CircularTransformation] = 20,
        [ProjectType.EnergySaving] = 11,
        [ProjectType.Relocation] = 30,
        [ProjectType.Closure] = 9,
        [ProjectType.SiteRemediation] = 24,
    };

    /// <summary>Projects and monthly progress reports known on <paramref name="asOf"/>.</summary>
    public static (IReadOnlyList<RetrofitProject> Projects, IReadOnlyList<ProgressReport> Progress) Generate(ParkDataset park, int seed, DateOnly asOf)
    {
        var random = new Random(seed);
        var projects = new List<RetrofitProject>();
        var progress = new List<ProgressReport>();
        var n = 0;
        foreach (var enterprise in park.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            foreach (var type in TypesFor(enterprise))
            {
                n++;
                var id = $"syn-{n:D3}-{Codes<ProjectType>.Of(type)}";
                // Programme rolled out 2021–2024; relocation and remediation follow the riverside plan from 2021.
                var start = new DateOnly(2021, 1, 1).AddMonths(type is ProjectType.SiteRemediation ? 12 + random.Next(24) : random.Next(44));
                var planned = MedianMonths[type] * Math.Exp(0.25 * StandardNormal.Sample(random));
                var budget = Math.Round((decimal)(Budget(type) * Math.Exp(0.5 * StandardNormal.Sample(random))), 0);
                var subsidyShare = random.NextDouble() < 0.6 ? 0.1 + (0.3 * random.NextDouble()) : 0;
                var subsidy = Math.Round(budget * (decimal)subsidyShare, 0);
                // Actual duration: the plan's, longer with no subsidy and for small firms, plus sometimes a stall.
                var actual = planned * Math.Exp(0.2 + (0.3 * StandardNormal.Sample(random))) * (1 - (0.5 * subsidyShare)) * (enterprise.AboveSize == true ? 0.92 : 1.05);
                var stallAt = random.NextDouble() < 0.25 ? 0.3 + (0.4 * random.NextDouble()) : -1;
                var stallMonths = stallAt > 0 ? 3 + random.Next(7) : 0;
                var totalMonths = actual + stallMonths;
                var plannedEnd = start.AddMonths((int)Math.Round(planned));
                var completion = start.AddDays((int)Math.Round(totalMonths * 30.44));
                var status = start > asOf ? ProjectStatus.Planned : completion <= asOf ? ProjectStatus.Completed : ProjectStatus.InProgress;
                projects.Add(new RetrofitProject(id, enterprise.Id, type, start, plannedEnd, budget, subsidy, status, status == ProjectStatus.Completed ? completion : null));
                if (status == ProjectStatus.Planned)
                {
                    continue;
                }

                var last = -1m;
                for (var month = 1; ; month++)
                {
                    var date = start.AddMonths(month);
                    if (date > asOf)
                    {
                        break;
                    }

                    if (date >= completion)
                    {
                        progress.Add(new ProgressReport(id, completion, 100m, null));
                        break;
                    }

                    var working = stallAt > 0 && month > stallAt * actual ? Math.Max(stallAt * actual, month - stallMonths) : month;
                    var pct = Math.Round((decimal)(100 * SCurve(working / actual)), 1);
                    pct = Math.Min(99m, Math.Max(pct, last < 0 ? 0 : last));
                    progress.Add(new ProgressReport(id, date, pct, null));
                    last = pct;
                }
            }
        }

        return (projects, progress);
    }

    /// <summary>Logistic S-curve of progress against the share of the duration elapsed, 0 at the start and 1 at the end.</summary>
    public static double SCurve(double fraction)
    {
        static double L(double x) => 1 / (1 + Math.Exp(-10 * (x - 0.5)));
        return Math.Clamp((L(fraction) - L(0)) / (L(1) - L(0)), 0, 1);
    }

    private static IEnumerable<ProjectType> TypesFor(Enterprise e)
    {
        switch (e.Status)
        {
            case EnterpriseStatus.Closed:
                yield return ProjectType.Closure;
                yield return ProjectType.SiteRemediation;
                yield break;
            case EnterpriseStatus.Relocating:
                yield return ProjectType.Relocation;
                yield break;
            case EnterpriseStatus.Planned:
                yield break;
        }

        yield return ProjectType.CleanerProductionAudit;
        yield return ProjectType.CleanerProduction;
        yield return ProjectType.CircularTransformation;
        if (e.AboveSize == true)
        {
            yield return ProjectType.EnergySaving;
        }
    }

    private static double Budget(ProjectType type) => type switch
    {
        ProjectType.CleanerProductionAudit => 20,
        ProjectType.CleanerProduction => 300,
        ProjectType.CircularTransformation => 800,
        ProjectType.EnergySaving => 400,
        ProjectType.Relocation => 5000,
        ProjectType.Closure => 600,
        _ => 1500,
    };
}
