namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// The KPIs of a park's analysed snapshots over one calendar year (key: <c>park/yyyy</c>, UTC): the last snapshot of
/// each day and the first of each dataset version are kept, so a year holds at most a few hundred points per KPI.
/// </summary>
public interface IParkKpiHistoryGrain : IGrainWithStringKey
{
    /// <summary>The key of <paramref name="parkId"/>'s history in <paramref name="year"/>.</summary>
    public static string Key(string parkId, int year) => $"{parkId}/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Keeps a snapshot's KPIs, replacing the day's previous one unless that was the first of its dataset version.</summary>
    Task RecordAsync(KpiSnapshot snapshot);

    /// <summary>The kept snapshots, oldest first.</summary>
    Task<IReadOnlyList<KpiSnapshot>> GetAsync();
}
