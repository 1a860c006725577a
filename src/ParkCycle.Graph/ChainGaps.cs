using System.Globalization;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>What a recruited enterprise would take in: one material, how much, from whom.</summary>
public sealed record GapIntake(string Material, decimal? Quantity, string Unit, IReadOnlyList<string> Suppliers);

/// <summary>What a recruited enterprise would supply back to enterprises that now import it (or a material it replaces).</summary>
public sealed record GapSupply(string Material, string ReplacesMaterial, IReadOnlyList<string> Consumers, decimal? ConsumerDemand, string Unit);

/// <summary>
/// One entry of the 补链招商 list: a chain stage the park lacks, what it would absorb, supply back, avoid and
/// close. <see cref="Kind"/> says why it is listed.
/// </summary>
public sealed record ChainGap(
    int Rank,
    string Chain,
    string Stage,
    string Name,
    string NameEn,
    string? Sector,
    ChainGapKind Kind,
    IReadOnlyList<GapIntake> Absorbs,
    IReadOnlyList<GapSupply> SuppliesBack,
    decimal Co2eAvoidedT,
    int LoopsClosed,
    string Reasoning);

/// <summary>
/// Finds chain gaps: template stages no park enterprise performs, ranked by the outputs now leaving the park
/// (with no park consumer) that such an enterprise would absorb, the CO2e that avoids and the loops it closes.
/// </summary>
public sealed class ChainGapFinder(FlowGraph graph, AnalysisKnowledge knowledge, SubstitutionIndex substitutions, Reachability reachability)
{
    public IReadOnlyList<ChainGap> Compute(OffersAndNeeds facts)
    {
        var dataset = graph.Dataset;
        var performed = knowledge.Stages.Where(IsPerformed).Select(s => (s.Chain, s.Id)).ToHashSet();
        // Every offer leaves the park today: no park consumer takes it, whatever opportunities exist on paper.
        var unabsorbed = facts.Offers
            .GroupBy(o => o.MaterialId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var drafts = new List<ChainGap>();
        foreach (var stage in knowledge.Stages.Where(s => !performed.Contains((s.Chain, s.Id))))
        {
            var intakes = new List<GapIntake>();
            decimal co2e = 0;
            var suppliers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (material, offers) in unabsorbed.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var takesIt = stage.Inputs.Contains(material) || substitutions.RulesFrom(material).Any(r => stage.Inputs.Contains(r.TargetMaterialId));
                if (!takesIt)
                {
                    continue;
                }

                var unit = dataset.Material(material).Unit.Symbol;
                var known = offers.Where(o => o.Quantity is not null).ToList();
                decimal? quantity = known.Count == 0 ? null : known.Sum(o => o.Quantity!.Value);
                var from = offers.Select(o => o.Supplier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                suppliers.UnionWith(from);
                intakes.Add(new GapIntake(material, quantity, unit, from));
                // The stage's own conversion where a rule describes it; otherwise the best use the stage unlocks.
                var rules = substitutions.RulesFrom(material);
                var direct = rules.Where(r => stage.Inputs.Contains(r.TargetMaterialId) || stage.Outputs.Contains(r.TargetMaterialId)).ToList();
                var factor = (direct.Count > 0 ? direct : rules).Select(r => r.Co2eAvoidedPerUnit ?? 0).DefaultIfEmpty(0).Max();
                co2e += Credited(material, quantity ?? 0, stage, facts) * factor;
            }

            var supplies = new List<GapSupply>();
            var loops = 0;
            foreach (var output in stage.Outputs)
            {
                var replaceable = substitutions.RulesFrom(output).Select(r => r.TargetMaterialId).Prepend(output).Distinct(StringComparer.Ordinal);
                foreach (var target in replaceable)
                {
                    var needs = facts.Needs.Where(n => n.MaterialId == target).ToList();
                    if (needs.Count == 0)
                    {
                        continue;
                    }

                    var consumers = needs.Select(n => n.Consumer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    var known = needs.Where(n => n.Quantity is not null).ToList();
                    supplies.Add(new GapSupply(output, target, consumers, known.Count == 0 ? null : known.Sum(n => n.Quantity!.Value), dataset.Material(target).Unit.Symbol));
                    if (intakes.Count > 0)
                    {
                        // supplier → new enterprise → consumer closes a loop when the consumer already reaches the supplier.
                        loops += consumers.Count(c => suppliers.Any(s => s == c || reachability.Reaches(graph.IndexOf(c), graph.IndexOf(s))));
                    }
                }
            }

            var kind = intakes.Count > 0 ? ChainGapKind.UnabsorbedOutput : ChainGapKind.MissingStage;
            drafts.Add(new ChainGap(0, Codes<Chain>.Of(stage.Chain), stage.Id, stage.Name, stage.NameEn, stage.Sector, kind, intakes, supplies,
                Math.Round(co2e, 1), loops, Reason(stage, intakes, supplies, co2e, loops)));
        }

        return [.. drafts
            .OrderBy(g => g.Kind == ChainGapKind.MissingStage ? 1 : 0)
            .ThenByDescending(g => g.Co2eAvoidedT)
            .ThenByDescending(g => g.LoopsClosed)
            .ThenByDescending(g => g.Absorbs.Count)
            .ThenBy(g => g.Chain, StringComparer.Ordinal)
            .ThenBy(g => g.Stage, StringComparer.Ordinal)
            .Select((g, i) => g with { Rank = i + 1 })];
    }

    /// <summary>
    /// How much of an intake earns a CO2e credit: all of it, unless the stage turns it into products that
    /// only park demand would take — then no more than that demand (e.g. CO2 purified for one beverage plant).
    /// </summary>
    private decimal Credited(string material, decimal available, ChainStage stage, OffersAndNeeds facts)
    {
        var toOutputs = substitutions.RulesFrom(material).Where(r => stage.Outputs.Contains(r.TargetMaterialId)).ToList();
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
        foreach (var enterprise in dataset.Enterprises.Where(e => e.Status is EnterpriseStatus.Operating or EnterpriseStatus.Relocating))
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

    private static string Reason(ChainStage stage, List<GapIntake> intakes, List<GapSupply> supplies, decimal co2e, int loops)
    {
        var inv = CultureInfo.InvariantCulture;
        if (intakes.Count == 0)
        {
            return $"No park enterprise performs '{stage.NameEn}' ({stage.Name}); no output now leaving the park feeds it, so it completes the chain but absorbs nothing yet.";
        }

        var takes = string.Join("; ", intakes.Select(i => string.Create(inv, $"{i.Quantity?.ToString("#,0", inv) ?? "unknown"} {i.Unit}/a {i.Material} from {string.Join(", ", i.Suppliers)}")));
        var back = supplies.Count == 0
            ? "its outputs are not bought by any park enterprise today"
            : "it would supply " + string.Join("; ", supplies.Select(s => $"{s.Material}{(s.Material == s.ReplacesMaterial ? string.Empty : $" (replacing {s.ReplacesMaterial})")} to {string.Join(", ", s.Consumers)}"));
        return string.Create(inv, $"Recruit '{stage.NameEn}' ({stage.Name}): it would absorb {takes}, which now leave the park; {back}; about {co2e:#,0} t CO2e/a avoided; closes {loops} loop(s).");
    }
}
