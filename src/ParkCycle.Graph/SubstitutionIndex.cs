using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// How one material can stand in for another: the identity (a material replaces itself, ratio 1) plus
/// every substitution rule, indexed both ways.
/// </summary>
public sealed class SubstitutionIndex
{
    private const int MaxKindDepth = 8;

    private readonly Dictionary<string, List<SubstitutionRule>> _bySource;
    private readonly Dictionary<string, List<SubstitutionRule>> _byTarget;
    private readonly Dictionary<string, IReadOnlyList<Kind>> _ancestors;
    private readonly Func<string, Material?> _materials;

    /// <summary>
    /// Indexes <paramref name="rules"/> by source and target material; <paramref name="materials"/> looks a material up by id
    /// (null when unknown). Each of <paramref name="kinds"/> that names a catalogue material or class (<c>catalog_id</c>,
    /// followed up the chain) inherits that ancestor's rules as source and as target, rescaled to its own unit; a
    /// material's own rule between the same two materials wins over an inherited one, and the nearest ancestor over a
    /// farther one. The default value of <paramref name="kinds"/> is none: the rules as given.
    /// </summary>
    public SubstitutionIndex(IEnumerable<SubstitutionRule> rules, Func<string, Material?> materials, IEnumerable<Material>? kinds = null)
    {
        _materials = materials;
        var all = rules.ToList();
        _ancestors = kinds is null ? [] : AncestorsOf(kinds, materials);
        all.AddRange(Inherited(all, _ancestors));
        _bySource = all.GroupBy(r => r.SourceMaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byTarget = all.GroupBy(r => r.TargetMaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>An index over a dataset's rules (the catalogue's and its own), its materials inheriting their catalogue parents' rules.</summary>
    public static SubstitutionIndex For(ParkDataset dataset) => new(dataset.AllSubstitutions, dataset.FindMaterial, dataset.AllMaterials);

    /// <summary>
    /// The catalogue materials and classes <paramref name="material"/> is a kind of (<c>catalog_id</c>, then its parent's, …),
    /// nearest first; empty when it names none or was not among the index's kinds.
    /// </summary>
    public IEnumerable<string> KindOf(string material) => (_ancestors.GetValueOrDefault(material) ?? []).Select(k => k.Id);

    /// <summary>
    /// The materials an offer of <paramref name="source"/> may serve a need for: itself, the catalogue materials and classes
    /// it is a kind of, and every target of its rules (its own and inherited).
    /// </summary>
    public IEnumerable<string> Targets(string source) =>
        RulesFrom(source).Select(r => r.TargetMaterialId).Concat(KindOf(source)).Where(t => t != source).Distinct(StringComparer.Ordinal).Prepend(source);

    /// <summary>The rules whose source is this material.</summary>
    public IReadOnlyList<SubstitutionRule> RulesFrom(string source) => _bySource.GetValueOrDefault(source) ?? [];

    /// <summary>The rules whose target is this material (what could replace it).</summary>
    public IReadOnlyList<SubstitutionRule> RulesTo(string target) => _byTarget.GetValueOrDefault(target) ?? [];

    /// <summary>The material with this id, or null when the dataset and catalogue have none.</summary>
    public Material? Material(string id) => _materials(id);

    /// <summary>
    /// Every way <paramref name="source"/> can replace <paramref name="target"/>: the identity when they are
    /// the same material, and each rule from one to the other whose heat condition holds.
    /// <paramref name="sourceTemperatureC"/> is the source's actual temperature (°C) when known, e.g. from a
    /// byproduct report; null means the material's catalogue temperature.
    /// </summary>
    public IEnumerable<Substitution> Pathways(string source, string target, decimal heatApproachC = 10m, decimal? sourceTemperatureC = null)
    {
        if (source == target)
        {
            yield return new Substitution(source, target, 1m, null, null);
        }
        else if (_ancestors.TryGetValue(source, out var kinds) && kinds.FirstOrDefault(k => k.Id == target) is { Id: not null } kind)
        {
            // A kind of the target is the target: one unit of it is as many of the target's units as it converts to.
            yield return new Substitution(source, target, kind.PerUnit, null, null);
        }

        foreach (var rule in RulesFrom(source))
        {
            if (rule.TargetMaterialId == target && IsHotEnough(rule, sourceTemperatureC ?? _materials(source)?.TemperatureC, heatApproachC))
            {
                yield return new Substitution(source, target, rule.Ratio, rule, rule.MaxDistanceKm);
            }
        }
    }

    /// <summary>
    /// Whether the rule's source is hot enough: at or above the rule's minimum temperature, and at or above
    /// the target's own temperature plus the approach <paramref name="heatApproachC"/> (ΔTmin).
    /// Rules between materials without temperatures always hold.
    /// </summary>
    public bool IsHotEnough(SubstitutionRule rule, decimal heatApproachC) =>
        IsHotEnough(rule, _materials(rule.SourceMaterialId)?.TemperatureC, heatApproachC);

    /// <summary>
    /// Whether a source at <paramref name="sourceTemperatureC"/> (°C; null when it has none) is hot enough for
    /// the rule: at or above the rule's minimum and the target's temperature plus <paramref name="heatApproachC"/>.
    /// </summary>
    public bool IsHotEnough(SubstitutionRule rule, decimal? sourceTemperatureC, decimal heatApproachC)
    {
        var target = _materials(rule.TargetMaterialId);
        if (sourceTemperatureC is not { } sourceC)
        {
            return rule.MinTemperatureC is null;
        }

        if (rule.MinTemperatureC is { } min && sourceC < min)
        {
            return false;
        }

        return target?.TemperatureC is not { } targetC || sourceC >= targetC + heatApproachC;
    }

    /// <summary>
    /// Each material's ancestors by <c>catalog_id</c>, nearest first, with how many of the ancestor's units one unit of the
    /// material is. A link whose units cannot be converted (no property bridges them) ends the chain there.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<Kind>> AncestorsOf(IEnumerable<Material> kinds, Func<string, Material?> materials)
    {
        var result = new Dictionary<string, IReadOnlyList<Kind>>(StringComparer.Ordinal);
        foreach (var material in kinds)
        {
            var chain = new List<Kind>();
            var perUnit = 1m;
            var current = material;
            while (chain.Count < MaxKindDepth && current.CatalogId is { } parentId && parentId != material.Id
                && chain.All(k => k.Id != parentId) && materials(parentId) is { } parent)
            {
                if (!TryPerUnit(current, parent, out var step))
                {
                    break;
                }

                perUnit *= step;
                chain.Add(new Kind(parentId, chain.Count + 1, perUnit));
                current = parent;
            }

            if (chain.Count > 0)
            {
                result[material.Id] = chain;
            }
        }

        return result;
    }

    // How many of the parent's units one unit of the child is (1 when they share the unit).
    private static bool TryPerUnit(Material child, Material parent, out decimal perUnit)
    {
        perUnit = 1m;
        if (child.Unit == parent.Unit)
        {
            return true;
        }

        if (parent.TryConvert(new Quantity(1m, child.Unit), parent.Unit, out var inParent, out _))
        {
            perUnit = inParent.Value;
            return perUnit > 0;
        }

        return false;
    }

    /// <summary>
    /// The rules kinds inherit: every rule between two materials, restated for each kind of its source and each kind of its
    /// target (and both), ratio, CO2e and processing cost rescaled to the kinds' units. Pairs that already have a rule of
    /// their own inherit nothing; otherwise the rules of the nearest ancestors (fewest <c>catalog_id</c> steps) are kept.
    /// </summary>
    private static List<SubstitutionRule> Inherited(List<SubstitutionRule> rules, Dictionary<string, IReadOnlyList<Kind>> ancestors)
    {
        if (ancestors.Count == 0)
        {
            return [];
        }

        var descendants = ancestors
            .SelectMany(a => a.Value.Select(k => (Ancestor: k.Id, Kind: new Kind(a.Key, k.Depth, k.PerUnit))))
            .GroupBy(x => x.Ancestor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Kind).ToList(), StringComparer.Ordinal);
        var own = rules.Select(r => (r.SourceMaterialId, r.TargetMaterialId)).ToHashSet();
        var best = new Dictionary<(string, string), (int Depth, List<SubstitutionRule> Rules)>();
        foreach (var rule in rules)
        {
            var self = new Kind(rule.SourceMaterialId, 0, 1m);
            var sources = (descendants.GetValueOrDefault(rule.SourceMaterialId) ?? []).Prepend(self);
            foreach (var source in sources)
            {
                var targets = (descendants.GetValueOrDefault(rule.TargetMaterialId) ?? []).Prepend(new Kind(rule.TargetMaterialId, 0, 1m));
                foreach (var target in targets)
                {
                    var pair = (source.Id, target.Id);
                    var depth = source.Depth + target.Depth;
                    if (depth == 0 || source.Id == target.Id || own.Contains(pair))
                    {
                        continue;
                    }

                    // One unit of the kind is source.PerUnit units of the rule's source, which replace that many times the
                    // ratio of the rule's target: target.PerUnit of those make one unit of the target's kind.
                    var restated = rule with
                    {
                        SourceMaterialId = source.Id,
                        TargetMaterialId = target.Id,
                        Ratio = rule.Ratio * source.PerUnit / target.PerUnit,
                        Co2eAvoidedPerUnit = rule.Co2eAvoidedPerUnit * source.PerUnit,
                        ProcessingCostCnyPerUnit = rule.ProcessingCostCnyPerUnit * source.PerUnit,
                    };
                    if (!best.TryGetValue(pair, out var kept) || depth < kept.Depth)
                    {
                        best[pair] = (depth, [restated]);
                    }
                    else if (depth == kept.Depth)
                    {
                        kept.Rules.Add(restated);
                    }
                }
            }
        }

        return [.. best.Values.SelectMany(b => b.Rules)];
    }

    /// <summary>A material one is a kind of (or, inverted, a kind of one): its id, steps up the chain, and units per unit.</summary>
    private readonly record struct Kind(string Id, int Depth, decimal PerUnit);
}
