using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// A year of a park's KPI history. A snapshot replaces the day's previous one when that one was neither the first
/// of its dataset version nor of another version, so what is kept is the last snapshot of each day and the first of
/// each version: at most two per day and version, about 370 a year in normal use.
/// </summary>
public sealed class ParkKpiHistoryGrain(
    [PersistentState("kpi-history", GrainStorage.Name)] IPersistentState<KpiHistoryState> state) : Grain, IParkKpiHistoryGrain
{
    private KpiHistoryState S => state.State;

    public async Task RecordAsync(KpiSnapshot snapshot)
    {
        foreach (var k in snapshot.Kpis)
        {
            if (!S.Definitions.ContainsKey(k.Id))
            {
                S.Ids.Add(k.Id);
            }

            S.Definitions[k.Id] = k with { Value = null };
        }

        var values = new decimal?[S.Ids.Count];
        var byId = snapshot.Kpis.ToDictionary(k => k.Id, k => k.Value, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = byId.GetValueOrDefault(S.Ids[i]);
        }

        var entry = new KpiHistoryEntry { At = snapshot.At, DatasetVersion = snapshot.DatasetVersion, Values = values };
        var entries = S.Entries;
        if (entries.Count >= 2 && entries[^1] is var last && entries[^2].DatasetVersion == last.DatasetVersion
            && last.DatasetVersion == entry.DatasetVersion && Day(last.At) == Day(entry.At))
        {
            entries[^1] = entry;
        }
        else
        {
            entries.Add(entry);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<KpiSnapshot>> GetAsync() => Task.FromResult<IReadOnlyList<KpiSnapshot>>([.. S.Entries.Select(e => new KpiSnapshot(e.At, e.DatasetVersion,
        [.. S.Ids.Select((id, i) => S.Definitions[id] with { Value = i < e.Values.Length ? e.Values[i] : null })]))]);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
