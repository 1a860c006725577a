namespace ParkCycle.Graph;

/// <summary>KPIs before and after a change of the park's data (a scenario, a new dataset version), by KPI id.</summary>
public static class KpiChanges
{
    /// <summary>
    /// Every KPI of <paramref name="after"/>, in its order, with its value in <paramref name="before"/> (null when the
    /// KPI was not there or there is no before), then those only <paramref name="before"/> has.
    /// </summary>
    public static IReadOnlyList<KpiChange> Between(IReadOnlyList<KpiValue>? before, IReadOnlyList<KpiValue> after)
    {
        var old = (before ?? []).ToDictionary(k => k.Id, StringComparer.Ordinal);
        var changes = after.Select(a => old.TryGetValue(a.Id, out var b)
            ? new KpiChange(a.Id, b.Value, a.Value, b.Status, a.Status)
            : new KpiChange(a.Id, null, a.Value, KpiStatus.NotComputable, a.Status)).ToList();
        var ids = after.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        changes.AddRange((before ?? []).Where(b => !ids.Contains(b.Id)).Select(b => new KpiChange(b.Id, b.Value, null, b.Status, KpiStatus.NotComputable)));
        return changes;
    }
}
