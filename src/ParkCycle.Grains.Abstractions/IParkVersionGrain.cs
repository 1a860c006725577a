namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// One imported version of a park's dataset (key: <c>park/version</c>), stored as imported so it stays readable
/// after later versions: one grain per version keeps each state bounded by one dataset.
/// </summary>
public interface IParkVersionGrain : IGrainWithStringKey
{
    /// <summary>The key of version <paramref name="version"/> of <paramref name="parkId"/>.</summary>
    public static string Key(string parkId, int version) => $"{parkId}/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Stores the version's dataset (a dataset JSON document, docs/dataset-format.md); durable before it returns.</summary>
    Task StoreAsync(DatasetVersionInfo info, byte[] datasetJson);

    /// <summary>The version's dataset as a JSON document; null when the version was never stored.</summary>
    Task<byte[]?> GetDatasetJsonAsync();

    /// <summary>The analysis report (docs/analysis.md) of the version's dataset as JSON, computed once off the grain's turn; null when not stored.</summary>
    Task<string?> GetAnalysisJsonAsync();
}
