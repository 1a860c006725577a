using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>The outcome of reading a catalogue.</summary>
public sealed record CatalogLoadResult(MaterialCatalog? Catalog, IReadOnlyList<DatasetError> Problems)
{
    public MaterialCatalog GetOrThrow() => Catalog ?? throw new DatasetException([.. Problems]);
}
