namespace ParkCycle.Domain.Model;

/// <summary>
/// The shared catalogue of canonical materials and substitution rules (<c>seeds/catalog</c>) that
/// every dataset may use without redefining.
/// </summary>
public sealed class MaterialCatalog(IReadOnlyList<Material> materials, IReadOnlyList<SubstitutionRule> substitutions)
{
    private readonly Dictionary<string, Material> _byId = materials.ToDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>A catalogue with nothing in it, for datasets that define all their own materials.</summary>
    public static MaterialCatalog Empty { get; } = new([], []);

    /// <summary>The catalogue's canonical materials and generic classes (<c>seeds/catalog/materials.csv</c>).</summary>
    public IReadOnlyList<Material> Materials { get; } = materials;

    /// <summary>The catalogue's substitution rules (<c>seeds/catalog/substitutions.csv</c>).</summary>
    public IReadOnlyList<SubstitutionRule> Substitutions { get; } = substitutions;

    /// <summary>The catalogue material with this id; null when the catalogue has none.</summary>
    public Material? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Purchase prices of materials (<c>seeds/catalog/prices.csv</c>); a dataset's own prices override them.</summary>
    public IReadOnlyList<MaterialPrice> Prices { get; init; } = [];

    /// <summary>Disposal gate fees by material class and sink (<c>seeds/catalog/gate_fees.csv</c>).</summary>
    public IReadOnlyList<GateFee> GateFees { get; init; } = [];
}
