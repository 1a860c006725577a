namespace ParkCycle.Domain.Model;

/// <summary>
/// A whole park as one immutable, validated value: manifest, zones, enterprises, the dataset's own
/// materials and substitution rules, flows, and retrofit projects with their progress. Catalogue
/// materials and rules that the dataset uses are reached through <see cref="Catalog"/>.
/// </summary>
public sealed class ParkDataset
{
    private readonly Dictionary<string, Enterprise> _enterprises;
    private readonly Dictionary<string, Material> _materials;

    /// <summary>Assembles a dataset from its tables (the dataset parser validates them); its own materials override catalogue materials of the same id.</summary>
    public ParkDataset(
        DatasetManifest manifest,
        IReadOnlyList<Zone> zones,
        IReadOnlyList<Enterprise> enterprises,
        IReadOnlyList<Material> materials,
        IReadOnlyList<Flow> flows,
        IReadOnlyList<SubstitutionRule> substitutions,
        IReadOnlyList<RetrofitProject> projects,
        IReadOnlyList<ProgressReport> progress,
        MaterialCatalog catalog)
    {
        Manifest = manifest;
        Zones = zones;
        Enterprises = enterprises;
        Materials = materials;
        Flows = flows;
        Substitutions = substitutions;
        Projects = projects;
        Progress = progress;
        Catalog = catalog;
        _enterprises = enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _materials = catalog.Materials.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var m in materials)
        {
            _materials[m.Id] = m; // a dataset's own definition wins over the catalogue's
        }
    }

    /// <summary>Id, name, reference year and provenance of the dataset (<c>dataset.json</c>).</summary>
    public DatasetManifest Manifest { get; }

    /// <summary>The park's zones (<c>zones.csv</c>).</summary>
    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>Every enterprise, whatever its status (<c>enterprises.csv</c>), in file order.</summary>
    public IReadOnlyList<Enterprise> Enterprises { get; }

    /// <summary>The materials the dataset defines itself (not the catalogue's).</summary>
    public IReadOnlyList<Material> Materials { get; }

    /// <summary>Every flow, existing and planned (<c>flows.csv</c>), in file order; quantities in the material's unit, null when unknown.</summary>
    public IReadOnlyList<Flow> Flows { get; }

    /// <summary>The substitution rules the dataset adds to the catalogue's.</summary>
    public IReadOnlyList<SubstitutionRule> Substitutions { get; }

    /// <summary>The retrofit and clean-up projects (<c>projects.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<RetrofitProject> Projects { get; }

    /// <summary>The projects' percent-complete reports (<c>progress.csv</c>), in file order.</summary>
    public IReadOnlyList<ProgressReport> Progress { get; }

    /// <summary>The shared catalogue the dataset was read against: materials, rules, prices and gate fees it need not define.</summary>
    public MaterialCatalog Catalog { get; }

    /// <summary>The programmes tracked as counts (<c>programmes.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<Programme> Programmes { get; init; } = [];

    /// <summary>The programmes' cumulative counts by date (<c>programme_progress.csv</c>), in file order.</summary>
    public IReadOnlyList<ProgrammeProgress> ProgrammeProgress { get; init; } = [];
    /// <summary>The enterprises' process streams for pinch analysis (<c>heat_streams.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<HeatStream> HeatStreams { get; init; } = [];

    /// <summary>The balances the dataset declares (<c>balances.csv</c>); empty when it declares none.</summary>
    public IReadOnlyList<DeclaredBalance> Balances { get; init; } = [];

    /// <summary>The dataset's own purchase prices (<c>prices.csv</c>), overriding the catalogue's for the same material.</summary>
    public IReadOnlyList<MaterialPrice> Prices { get; init; } = [];

    /// <summary>
    /// This dataset with <paramref name="projects"/> and <paramref name="progress"/> in place of its own (every other
    /// table kept): the live park exported with its projects as their grains hold them.
    /// </summary>
    public ParkDataset WithProjects(IReadOnlyList<RetrofitProject> projects, IReadOnlyList<ProgressReport> progress) =>
        new(Manifest, Zones, Enterprises, Materials, Flows, Substitutions, projects, progress, Catalog)
        {
            Programmes = Programmes,
            ProgrammeProgress = ProgrammeProgress,
            HeatStreams = HeatStreams,
            Balances = Balances,
            Prices = Prices,
        };

    /// <summary>The purchase price of a material: the dataset's own, else the catalogue's; null when neither has one.</summary>
    public MaterialPrice? PriceOf(string materialId) =>
        Prices.LastOrDefault(p => p.MaterialId == materialId) ?? Catalog.Prices.LastOrDefault(p => p.MaterialId == materialId);

    /// <summary>Catalogue rules followed by the dataset's own.</summary>
    public IEnumerable<SubstitutionRule> AllSubstitutions => Catalog.Substitutions.Concat(Substitutions);

    /// <summary>The enterprise with this id; null when the dataset has none.</summary>
    public Enterprise? FindEnterprise(string id) => _enterprises.GetValueOrDefault(id);

    /// <summary>Looks a material up in the dataset, then in the catalogue.</summary>
    public Material? FindMaterial(string id) => _materials.GetValueOrDefault(id);

    /// <summary>Like <see cref="FindMaterial"/>, for ids known to exist (validated flows); throws <see cref="KeyNotFoundException"/> otherwise.</summary>
    public Material Material(string id) =>
        FindMaterial(id) ?? throw new KeyNotFoundException($"unknown material '{id}'");

    /// <summary>
    /// Whether material <paramref name="id"/> is <paramref name="kind"/> or a kind of it: its <c>catalog_id</c>, its parent's,
    /// and so on up the chain (at most 8 steps, so a cycle cannot loop).
    /// </summary>
    public bool IsKindOf(string id, string kind)
    {
        var current = id;
        for (var step = 0; step <= 8; step++)
        {
            if (current == kind)
            {
                return true;
            }

            if (FindMaterial(current)?.CatalogId is not { } parent)
            {
                return false;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>Every material the dataset can refer to: the catalogue's and its own.</summary>
    public IEnumerable<Material> AllMaterials => _materials.Values;
}
