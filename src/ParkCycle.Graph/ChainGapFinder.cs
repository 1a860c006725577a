using System.Globalization;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// Finds chain gaps: template stages no park enterprise performs, ranked by the outputs now leaving the park
/// (with no park consumer) that such an enterprise would absorb, the CO2e that avoids and the loops it closes;
/// and processes a pathway needs that no park enterprise runs (recruit that processor). Each output is counted in
/// one gap only: stages are credited in order of their stand-alone value, and a later one no longer lists what an
/// earlier one already took.
/// </summary>
public sealed class ChainGapFinder(FlowGraph graph, AnalysisKnowledge knowledge, SubstitutionIndex substitutions, Reachability reachability, MatchOptions? options = null)
{
    private readonly MatchOptions _options = options ?? new MatchOptions();

    /// <summary>The ranked gaps of a park's offers and needs.</summary>
    public IReadOnlyList<ChainGap> Compute(OffersAndNeeds facts)
    {
        var performance = new Performance(graph);
        var performed = knowledge.Stages.Where(performance.IsPerformed).Select(s => (s.Chain, s.Id)).ToHashSet();
        // Every offer leaves the park today: no park consumer takes it, whatever opportunities exist on paper.
        // Sales out of the park are business, not lost resources, so only disposals feed a gap.
        var unabsorbed = facts.Offers.Where(o => !o.Sold).ToList();
        var candidates = knowledge.Stages.Where(s => !performed.Contains((s.Chain, s.Id)))
            .Select(s => new Candidate(s.Chain, s.Id, s.Name, s.NameEn, s.Sector, s.Inputs, s.Outputs, s.MinScale, null))
            .Concat(MissingProcessors(facts, unabsorbed))
            .ToList();

        // Each stage weighs the same per-material totals of the offers and needs, so they are summed once.
        var park = new Totals(graph, facts, unabsorbed);
        // Rank by stand-alone value first, then let each stage claim the outputs it takes, in that order.
        var none = new HashSet<string>(StringComparer.Ordinal);
        var order = candidates.OrderByDescending(c => Draft(c, park, none).Co2eAvoidedT)
            .ThenBy(c => c.Process is null ? 0 : 1)
            .ThenBy(c => c.Stage, StringComparer.Ordinal)
            .ToList();
        // A stage takes every open offer of a material it absorbs, so what is claimed is whole materials.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<ChainGap>();
        foreach (var candidate in order)
        {
            var gap = Draft(candidate, park, claimed);
            claimed.UnionWith(gap.Absorbs.Select(i => i.Material));
            if (candidate.Process is null || gap.Absorbs.Count > 0)
            {
                drafts.Add(gap); // a missing processor is listed only while something would feed it
            }
        }

        return [.. drafts
            .OrderBy(g => g.Kind == ChainGapKind.MissingStage ? 1 : 0)
            .ThenBy(g => g.BelowMinimumScale ? 1 : 0)
            .ThenByDescending(g => g.Co2eAvoidedT)
            .ThenByDescending(g => g.LoopsClosed)
            .ThenByDescending(g => g.Absorbs.Count)
            .ThenBy(g => g.Chain, StringComparer.Ordinal)
            .ThenBy(g => g.Stage, StringComparer.Ordinal)
            .Select((g, i) => g with { Rank = i + 1 })];
    }

    /// <summary>A stage to recruit: a template stage, or a process (<see cref="Process"/> set) a pathway needs.</summary>
    private sealed record Candidate(Chain Chain, string Stage, string Name, string NameEn, string? Sector, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, decimal? MinScale, string? Process);

    /// <summary>
    /// Processes that pathways from disposed outputs to park imports need, which no park enterprise runs and which
    /// are not run at the source or by any consumer: the processors a park would recruit.
    /// </summary>
    private IEnumerable<Candidate> MissingProcessors(OffersAndNeeds facts, List<ExchangeOffer> unabsorbed)
    {
        var run = facts.Processors.SelectMany(p => p.Holds).ToHashSet(StringComparer.Ordinal);
        var needed = facts.Needs.Where(n => n.InParkSupplier is null).Select(n => n.MaterialId).ToHashSet(StringComparer.Ordinal);
        var byProcess = unabsorbed.Select(o => o.MaterialId).Distinct(StringComparer.Ordinal)
            .SelectMany(m => substitutions.RulesFrom(m))
            .Where(r => r.Process is { } p && !run.Contains(p) && !_options.AtSourceProcesses.Contains(p) && !_options.ConsumerSideProcesses.Contains(p) && needed.Contains(r.TargetMaterialId))
            .GroupBy(r => r.Process!, StringComparer.Ordinal);
        foreach (var group in byProcess.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var inputs = group.Select(r => r.SourceMaterialId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var outputs = group.Select(r => r.TargetMaterialId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            yield return new Candidate(Chain.Other, $"process:{group.Key}", group.Key, group.Key, null, inputs, outputs, _options.MinimumScale.GetValueOrDefault(group.Key), group.Key);
        }
    }

    private ChainGap Draft(Candidate stage, Totals park, HashSet<string> claimed)
    {
        var intakes = new List<GapIntake>();
        decimal co2e = 0;
        decimal intake = 0;
        var suppliers = new HashSet<string>(StringComparer.Ordinal);
        var leaving = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in park.Offered)
        {
            var material = group.Material;
            if (claimed.Contains(material))
            {
                continue;
            }

            var rules = substitutions.RulesFrom(material);
            var takesIt = stage.Inputs.Contains(material) || substitutions.KindOf(material).Any(stage.Inputs.Contains)
                || rules.Any(r => stage.Inputs.Contains(r.TargetMaterialId) && (stage.Process is null || r.Process == stage.Process));
            if (!takesIt)
            {
                continue;
            }

            suppliers.UnionWith(group.Suppliers);
            leaving.UnionWith(group.Leaving);
            intakes.Add(new GapIntake(material, group.Quantity, group.Unit, group.Suppliers));
            intake += group.Quantity ?? 0;
            // The stage's own conversion where a rule describes it; otherwise the best use the stage unlocks.
            var direct = rules.Where(r => stage.Process is null
                ? stage.Inputs.Contains(r.TargetMaterialId) || stage.Outputs.Contains(r.TargetMaterialId)
                : r.Process == stage.Process).ToList();
            var factor = (direct.Count > 0 ? direct : rules).Select(r => r.Co2eAvoidedPerUnit ?? 0).DefaultIfEmpty(0).Max();
            co2e += Credited(material, group.Quantity ?? 0, stage.Outputs, park) * factor;
        }

        var (supplies, loops) = SuppliesBack(stage, intakes.Count > 0, suppliers, park);
        var kind = intakes.Count == 0 ? ChainGapKind.MissingStage : stage.Process is null ? ChainGapKind.UnabsorbedOutput : ChainGapKind.MissingProcessor;
        var belowScale = intakes.Count > 0 && stage.MinScale is { } min && intake < min;
        return new ChainGap(0, Codes<Chain>.Of(stage.Chain), stage.Stage, stage.Name, stage.NameEn, stage.Sector, kind, intakes, supplies,
            Math.Round(co2e, 1), loops, Reason(stage, intakes, supplies, co2e, loops, belowScale), belowScale, leaving.Count == 0 ? null : [.. leaving]);
    }

    private (List<GapSupply> Supplies, int Loops) SuppliesBack(Candidate stage, bool absorbs, HashSet<string> suppliers, Totals park)
    {
        var supplies = new List<GapSupply>();
        var loops = 0;
        int[]? from = null;
        foreach (var output in stage.Outputs)
        {
            var replaceable = substitutions.RulesFrom(output).Select(r => r.TargetMaterialId).Prepend(output).Distinct(StringComparer.Ordinal);
            foreach (var target in replaceable)
            {
                if (!park.Imported.TryGetValue(target, out var needs))
                {
                    continue;
                }

                supplies.Add(new GapSupply(output, target, needs.Consumers, needs.Quantity, graph.Dataset.Material(target).Unit.Symbol));
                if (absorbs)
                {
                    // supplier → new enterprise → consumer closes a loop when the consumer already reaches the supplier.
                    from ??= [.. suppliers.Select(graph.IndexOf)];
                    foreach (var c in needs.ConsumerVertices)
                    {
                        foreach (var s in from)
                        {
                            if (s == c || reachability.Reaches(c, s))
                            {
                                loops++;
                                break;
                            }
                        }
                    }
                }
            }
        }

        return (supplies, loops);
    }

    /// <summary>
    /// How much of an intake earns a CO2e credit: all of it, unless the stage turns it into products that
    /// only park demand would take — then no more than that demand (e.g. CO2 purified for one beverage plant).
    /// </summary>
    private decimal Credited(string material, decimal available, IReadOnlyList<string> outputs, Totals park)
    {
        var toOutputs = substitutions.RulesFrom(material).Where(r => outputs.Contains(r.TargetMaterialId)).ToList();
        if (toOutputs.Count == 0 || graph.Dataset.FindMaterial(material)?.Category != MaterialCategory.Emission)
        {
            return available;
        }

        var demand = toOutputs.Sum(r => park.Demand.GetValueOrDefault(r.TargetMaterialId) / r.Ratio);
        return Math.Min(available, demand);
    }

    /// <summary>
    /// The offers leaving the park by material (ordinal order) and the needs by material, summed once for every stage:
    /// each material's offered quantity (null when none is known), suppliers and leaving suppliers; each imported
    /// material's consumers and demand; every needed material's known demand.
    /// </summary>
    private sealed class Totals
    {
        public Totals(FlowGraph graph, OffersAndNeeds facts, List<ExchangeOffer> unabsorbed)
        {
            Offered = [.. unabsorbed.GroupBy(o => o.MaterialId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
            {
                var known = group.Where(o => o.Quantity is not null).ToList();
                var leaving = group.Where(o => o.EndDate is not null)
                    .Select(o => o.EndDate == DateOnly.MaxValue ? o.Supplier : $"{o.Supplier} (leaves {o.EndDate:yyyy-MM-dd})").ToList();
                return new OfferedMaterial(
                    group.Key,
                    known.Count == 0 ? null : known.Sum(o => o.Quantity!.Value),
                    graph.Dataset.Material(group.Key).Unit.Symbol,
                    [.. group.Select(o => o.Supplier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    leaving);
            })];
            Imported = facts.Needs.Where(n => n.InParkSupplier is null).GroupBy(n => n.MaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
            {
                var known = g.Where(n => n.Quantity is not null).ToList();
                List<string> consumers = [.. g.Select(n => n.Consumer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                return new ImportedMaterial(consumers, [.. consumers.Select(graph.IndexOf)], known.Count == 0 ? null : known.Sum(n => n.Quantity!.Value));
            }, StringComparer.Ordinal);
            Demand = facts.Needs.Where(n => n.Quantity is not null).GroupBy(n => n.MaterialId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(n => n.Quantity!.Value), StringComparer.Ordinal);
        }

        public IReadOnlyList<OfferedMaterial> Offered { get; }

        public Dictionary<string, ImportedMaterial> Imported { get; }

        public Dictionary<string, decimal> Demand { get; }
    }

    private sealed record OfferedMaterial(string Material, decimal? Quantity, string Unit, IReadOnlyList<string> Suppliers, IReadOnlyList<string> Leaving);

    private sealed record ImportedMaterial(IReadOnlyList<string> Consumers, int[] ConsumerVertices, decimal? Quantity);

    /// <summary>
    /// Which stages some active enterprise performs: its sector and chain, or it takes one of the stage's inputs and
    /// gives one of its outputs. Who takes and gives each material is indexed once rather than scanned per stage.
    /// </summary>
    private sealed class Performance
    {
        private readonly List<Enterprise> _active;
        private readonly bool[] _isActive;
        private readonly Dictionary<string, List<int>> _takers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _givers = new(StringComparer.Ordinal);

        public Performance(FlowGraph graph)
        {
            _active = [.. graph.Dataset.Enterprises.Where(e => e.IsActive)];
            _isActive = new bool[graph.Nodes.Count];
            foreach (var e in _active)
            {
                _isActive[graph.IndexOf(e.Id)] = true;
            }

            foreach (var flow in graph.Flows)
            {
                Add(_takers, flow.MaterialId, graph.IndexOf(flow.To));
                Add(_givers, flow.MaterialId, graph.IndexOf(flow.From));
            }
        }

        public bool IsPerformed(ChainStage stage)
        {
            if (stage.Sector is not null && _active.Any(e => e.Sector == stage.Sector && e.Chains.Contains(stage.Chain)))
            {
                return true;
            }

            var takes = Of(_takers, stage.Inputs);
            if (stage.Outputs.Count == 0)
            {
                return takes.Count > 0;
            }

            takes.IntersectWith(Of(_givers, stage.Outputs));
            return takes.Count > 0;
        }

        // The active enterprises (vertex ids) that take (or give) any of the materials.
        private HashSet<int> Of(Dictionary<string, List<int>> index, IReadOnlyList<string> materials)
        {
            var result = new HashSet<int>();
            foreach (var material in materials)
            {
                if (index.TryGetValue(material, out var vertices))
                {
                    result.UnionWith(vertices.Where(v => _isActive[v]));
                }
            }

            return result;
        }

        private static void Add(Dictionary<string, List<int>> index, string material, int vertex)
        {
            if (!index.TryGetValue(material, out var vertices))
            {
                index[material] = vertices = [];
            }

            vertices.Add(vertex);
        }
    }

    private static string Reason(Candidate stage, List<GapIntake> intakes, List<GapSupply> supplies, decimal co2e, int loops, bool belowScale)
    {
        var inv = CultureInfo.InvariantCulture;
        if (intakes.Count == 0)
        {
            return $"No park enterprise performs '{stage.NameEn}' ({stage.Name}); no output now leaving the park feeds it (or another gap already counts it), so it completes the chain but absorbs nothing yet.";
        }

        var takes = string.Join("; ", intakes.Select(i => string.Create(inv, $"{i.Quantity?.ToString("#,0", inv) ?? "unknown"} {i.Unit}/a {i.Material} from {string.Join(", ", i.Suppliers)}")));
        var back = supplies.Count == 0
            ? "its outputs are not bought by any park enterprise today"
            : "it would supply " + string.Join("; ", supplies.Select(s => $"{s.Material}{(s.Material == s.ReplacesMaterial ? string.Empty : $" (replacing {s.ReplacesMaterial})")} to {string.Join(", ", s.Consumers)}"));
        var what = stage.Process is null ? $"Recruit '{stage.NameEn}' ({stage.Name})" : $"Recruit a processor running '{stage.Process}' (no park enterprise runs it)";
        var scale = belowScale ? string.Create(inv, $"; below the minimum economic scale of {stage.MinScale:#,0} a year") : string.Empty;
        return string.Create(inv, $"{what}: it would absorb {takes}, which now leave the park; {back}; about {co2e:#,0} t CO2e/a avoided; closes {loops} loop(s){scale}.");
    }
}
