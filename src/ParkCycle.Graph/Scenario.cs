using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// Scenarios: enterprises exit or relocate (e.g. the Binjiang riverside chemical plants) and recruited
/// enterprises arrive (a small dataset merged in). Builds the changed park and compares analyses.
/// </summary>
public static class Scenario
{
    /// <summary>The park without <paramref name="removed"/> and their flows, with <paramref name="added"/> merged in.</summary>
    public static ParkDataset Apply(ParkDataset park, IReadOnlyCollection<string> removed, ParkDataset? added)
    {
        var gone = removed.ToHashSet(StringComparer.Ordinal);
        var unknown = gone.Where(id => park.FindEnterprise(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown enterprise(s) to remove: {string.Join(", ", unknown)}", nameof(removed));
        }

        var zones = park.Zones.ToList();
        var enterprises = park.Enterprises.Where(e => !gone.Contains(e.Id)).ToList();
        var materials = park.Materials.ToList();
        var flows = park.Flows.Where(f => !gone.Contains(f.From) && !gone.Contains(f.To)).ToList();
        var rules = park.Substitutions.ToList();
        if (added is not null)
        {
            var clash = added.Enterprises.Select(e => e.Id).Where(id => park.FindEnterprise(id) is not null && !gone.Contains(id)).ToList();
            if (clash.Count > 0)
            {
                throw new ArgumentException($"added enterprise id(s) already in the park: {string.Join(", ", clash)}", nameof(added));
            }

            zones.AddRange(added.Zones.Where(z => zones.All(x => x.Id != z.Id)));
            enterprises.AddRange(added.Enterprises);
            materials.AddRange(added.Materials.Where(m => materials.All(x => x.Id != m.Id)));
            var flowIds = flows.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            // Added flows keep their ids unless they clash with the park's; then they get a prefix.
            flows.AddRange(added.Flows.Select(f => flowIds.Contains(f.Id) ? f with { Id = $"{added.Manifest.Id}:{f.Id}" } : f));
            rules.AddRange(added.Substitutions.Where(r => rules.All(x => x.Id != r.Id)));
        }

        return new ParkDataset(park.Manifest, zones, enterprises, materials, flows, rules, park.Projects, park.Progress, park.Catalog);
    }

    /// <summary>Analyses the park before and after the scenario and reports the differences.</summary>
    public static (ParkAnalysis After, ScenarioReport Report) Compare(ParkDataset park, ParkAnalysis before, IReadOnlyCollection<string> removed, ParkDataset? added, AnalysisOptions? options = null)
    {
        var changed = Apply(park, removed, added);
        var after = ParkAnalyzer.Analyze(changed, options);
        static string Key(Loop l) => string.Join('>', l.Enterprises);
        var beforeKeys = before.Loops.Loops.Select(Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Loops.Loops.Select(Key).ToHashSet(StringComparer.Ordinal);
        var gone = removed.ToHashSet(StringComparer.Ordinal);
        var orphaned = park.Flows
            .Where(f => gone.Contains(f.From) != gone.Contains(f.To) && !ExternalNode.IsExternal(f.From) && !ExternalNode.IsExternal(f.To))
            .Select(f => new OrphanedFlow(f.Id, f.From, f.To, f.MaterialId, f.Quantity?.Value, f.Unit.Symbol,
                gone.Contains(f.From) ? "input loses its supplier" : "output loses its consumer"))
            .ToList();
        var kpis = before.Kpis.Zip(after.Kpis, (b, a) => new KpiChange(b.Id, b.Value, a.Value, b.Status, a.Status)).ToList();
        var report = new ScenarioReport(
            [.. removed],
            added is null ? [] : [.. added.Enterprises.Select(e => e.Id)],
            before.Loops.Loops.Count,
            after.Loops.Loops.Count,
            [.. before.Loops.Loops.Where(l => !afterKeys.Contains(Key(l)))],
            [.. after.Loops.Loops.Where(l => !beforeKeys.Contains(Key(l)))],
            before.Opportunities.Count,
            after.Opportunities.Count,
            before.Plan.TotalCo2eAvoidedT,
            after.Plan.TotalCo2eAvoidedT,
            kpis,
            orphaned);
        return (after, report);
    }
}
