using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// How one material can stand in for another: the identity (a material replaces itself, ratio 1) plus
/// every substitution rule, indexed both ways.
/// </summary>
public sealed class SubstitutionIndex
{
    private readonly Dictionary<string, List<SubstitutionRule>> _bySource;
    private readonly Dictionary<string, List<SubstitutionRule>> _byTarget;
    private readonly Func<string, Material?> _materials;

    /// <summary>Indexes <paramref name="rules"/> by source and target material; <paramref name="materials"/> looks a material up by id (null when unknown).</summary>
    public SubstitutionIndex(IEnumerable<SubstitutionRule> rules, Func<string, Material?> materials)
    {
        _materials = materials;
        var all = rules.ToList();
        _bySource = all.GroupBy(r => r.SourceMaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byTarget = all.GroupBy(r => r.TargetMaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>An index over a dataset's rules: the catalogue's and its own.</summary>
    public static SubstitutionIndex For(ParkDataset dataset) => new(dataset.AllSubstitutions, dataset.FindMaterial);

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
    public IEnumerable<Substitution> Ways(string source, string target, decimal heatApproachC = 10m, decimal? sourceTemperatureC = null)
    {
        if (source == target)
        {
            yield return new Substitution(source, target, 1m, null, null);
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
}
