using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>The outcome of reading a catalogue.</summary>
public sealed record CatalogLoadResult(MaterialCatalog? Catalog, IReadOnlyList<DatasetError> Problems)
{
    /// <summary>The catalogue, or a <see cref="DatasetException"/> listing every problem.</summary>
    public MaterialCatalog GetOrThrow() => Catalog ?? throw new DatasetException([.. Problems]);
}
