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
        var performed = knowledge.Stages.Where(IsPerformed).Select(s => (s.Chain, s.Id)).ToHashSet();
        // Every offer leaves the park today: no park consumer takes it, whatever opportunities exist on paper.
        // Sales out of the park are business, not lost resources, so only disposals feed a gap.
        var unabsorbed = facts.Offers.Where(o => !o.Sold).ToList();
        var candidates = knowledge.Stages.Where(s => !performed.Contains((s.Chain, s.Id)))
            .Select(s => new Candidate(s.Chain, s.Id, s.Name, s.NameEn, s.Sector, s.Inputs, s.Outputs, s.MinScale, null))
            .Concat(MissingProcessors(facts, unabsorbed))
            .ToList();

        // Rank by stand-alone value first, then let each stage claim the outputs it takes, in that order.
        var order = candidates.OrderByDescending(c => Draft(c, unabsorbed, facts).Co2eAvoidedT)
            .ThenBy(c => c.Process is null ? 0 : 1)
            .ThenBy(c => c.Stage, StringComparer.Ordinal)
            .ToList();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<ChainGap>();
        foreach (var candidate in order)
        {
            var open = unabsorbed.Where(o => !claimed.Contains(o.Id)).ToList();
            var gap = Draft(candidate, open, facts);
            claimed.UnionWith(open.Where(o => gap.Absorbs.Any(i => i.Material == o.MaterialId)).Select(o => o.Id));
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

    private ChainGap Draft(Candidate stage, List<ExchangeOffer> offers, OffersAndNeeds facts)
    {
        var dataset = graph.Dataset;
        var intakes = new List<GapIntake>();
        decimal co2e = 0;
        decimal intake = 0;
        var suppliers = new HashSet<string>(StringComparer.Ordinal);
        var leaving = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in offers.GroupBy(o => o.MaterialId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var material = group.Key;
            var rules = substitutions.RulesFrom(material);
            var takesIt = stage.Inputs.Contains(material) || substitutions.KindOf(material).Any(stage.Inputs.Contains)
                || rules.Any(r => stage.Inputs.Contains(r.TargetMaterialId) && (stage.Process is null || r.Process == stage.Process));
            if (!takesIt)
            {
                continue;
            }

            var unit = dataset.Material(material).Unit.Symbol;
            var known = group.Where(o => o.Quantity is not null).ToList();
            decimal? quantity = known.Count == 0 ? null : known.Sum(o => o.Quantity!.Value);
            var from = group.Select(o => o.Supplier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            suppliers.UnionWith(from);
            foreach (var o in group.Where(o => o.EndDate is not null))
            {
                leaving.Add(o.EndDate == DateOnly.MaxValue ? o.Supplier : $"{o.Supplier} (leaves {o.EndDate:yyyy-MM-dd})");
            }

            intakes.Add(new GapIntake(material, quantity, unit, from));
            intake += quantity ?? 0;
            // The stage's own conversion where a rule describes it; otherwise the best use the stage unlocks.
            var direct = rules.Where(r => stage.Process is null
                ? stage.Inputs.Contains(r.TargetMaterialId) || stage.Outputs.Contains(r.TargetMaterialId)
                : r.Process == stage.Process).ToList();
            var factor = (direct.Count > 0 ? direct : rules).Select(r => r.Co2eAvoidedPerUnit ?? 0).DefaultIfEmpty(0).Max();
            co2e += Credited(material, quantity ?? 0, stage.Outputs, facts) * factor;
        }

        var (supplies, loops) = SuppliesBack(stage, intakes.Count > 0, suppliers, facts);
        var kind = intakes.Count == 0 ? ChainGapKind.MissingStage : stage.Process is null ? ChainGapKind.UnabsorbedOutput : ChainGapKind.MissingProcessor;
        var belowScale = intakes.Count > 0 && stage.MinScale is { } min && intake < min;
        return new ChainGap(0, Codes<Chain>.Of(stage.Chain), stage.Stage, stage.Name, stage.NameEn, stage.Sector, kind, intakes, supplies,
            Math.Round(co2e, 1), loops, Reason(stage, intakes, supplies, co2e, loops, belowScale), belowScale, leaving.Count == 0 ? null : [.. leaving]);
    }

    private (List<GapSupply> Supplies, int Loops) SuppliesBack(Candidate stage, bool absorbs, HashSet<string> suppliers, OffersAndNeeds facts)
    {
        var supplies = new List<GapSupply>();
        var loops = 0;
        foreach (var output in stage.Outputs)
        {
            var replaceable = substitutions.RulesFrom(output).Select(r => r.TargetMaterialId).Prepend(output).Distinct(StringComparer.Ordinal);
            foreach (var target in replaceable)
            {
                var needs = facts.Needs.Where(n => n.MaterialId == target && n.InParkSupplier is null).ToList();
                if (needs.Count == 0)
                {
                    continue;
                }

                var consumers = needs.Select(n => n.Consumer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var known = needs.Where(n => n.Quantity is not null).ToList();
                supplies.Add(new GapSupply(output, target, consumers, known.Count == 0 ? null : known.Sum(n => n.Quantity!.Value), graph.Dataset.Material(target).Unit.Symbol));
                if (absorbs)
                {
                    // supplier → new enterprise → consumer closes a loop when the consumer already reaches the supplier.
                    loops += consumers.Count(c => suppliers.Any(s => s == c || reachability.Reaches(graph.IndexOf(c), graph.IndexOf(s))));
                }
            }
        }

        return (supplies, loops);
    }

    /// <summary>
    /// How much of an intake earns a CO2e credit: all of it, unless the stage turns it into products that
    /// only park demand would take — then no more than that demand (e.g. CO2 purified for one beverage plant).
    /// </summary>
    private decimal Credited(string material, decimal available, IReadOnlyList<string> outputs, OffersAndNeeds facts)
    {
        var toOutputs = substitutions.RulesFrom(material).Where(r => outputs.Contains(r.TargetMaterialId)).ToList();
        if (toOutputs.Count == 0 || graph.Dataset.FindMaterial(material)?.Category != MaterialCategory.Emission)
        {
            return available;
        }

        var demand = toOutputs.Sum(r => facts.Needs.Where(n => n.MaterialId == r.TargetMaterialId && n.Quantity is not null).Sum(n => n.Quantity!.Value) / r.Ratio);
        return Math.Min(available, demand);
    }

    private bool IsPerformed(ChainStage stage)
    {
        var dataset = graph.Dataset;
        foreach (var enterprise in dataset.Enterprises.Where(e => e.IsActive))
        {
            if (stage.Sector is not null && enterprise.Sector == stage.Sector && enterprise.Chains.Contains(stage.Chain))
            {
                return true;
            }

            var index = graph.IndexOf(enterprise.Id);
            var takes = graph.Incoming[index].Any(f => stage.Inputs.Contains(graph.Flows[f].MaterialId));
            var gives = graph.Outgoing[index].Any(f => stage.Outputs.Contains(graph.Flows[f].MaterialId));
            if (takes && (gives || stage.Outputs.Count == 0))
            {
                return true;
            }
        }

        return false;
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
