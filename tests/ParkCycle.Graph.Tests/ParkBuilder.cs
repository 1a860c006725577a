using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph.Tests;

/// <summary>Builds small parks in code for hand-checked tests (catalogue materials and rules).</summary>
public sealed class ParkBuilder
{
    private readonly List<Enterprise> _enterprises = [];
    private readonly List<Flow> _flows = [];
    private readonly List<HeatStream> _heat = [];

    public ParkBuilder Enterprise(string id, decimal? lat, decimal? lon, decimal? energyTce = 100, decimal? output = 1000, Chain chain = Chain.BuildingMaterials, EnterpriseStatus status = EnterpriseStatus.Operating, string[]? capabilities = null, string[]? licences = null, DateOnly? endDate = null)
    {
        _enterprises.Add(new Enterprise(id, id, id, "z", [chain], null, lat, lon, status, output, energyTce, true, "test")
        {
            Capabilities = capabilities ?? [],
            Licences = licences ?? [],
            EndDate = endDate,
        });
        return this;
    }

    public ParkBuilder Flow(string from, string to, string material, decimal? quantity, FlowStatus status = FlowStatus.Existing)
    {
        var unit = CatalogReader.Default.Find(material)!.Unit;
        _flows.Add(new Flow($"f{_flows.Count + 1}", from, to, material, quantity is { } q ? new Quantity(q, unit) : null, unit, status, "test"));
        return this;
    }

    public ParkBuilder Heat(params HeatStream[] streams)
    {
        _heat.AddRange(streams);
        return this;
    }

    public ParkDataset Build() => new(
        new DatasetManifest("test", "test park", 2024, null, null),
        [new Zone("z", "区", "zone")],
        _enterprises,
        [],
        _flows,
        [],
        [],
        [],
        CatalogReader.Default)
    {
        HeatStreams = _heat,
    };
}
