using System.IO.Compression;
using System.Text.Json;
using ParkCycle.Graph;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// One stored dataset version. The document is kept gzip-compressed (a JSON dataset shrinks several times), and its
/// analysis is computed on the thread pool on first request and cached for the activation: a version never changes.
/// </summary>
public sealed class ParkVersionGrain(
    [PersistentState("park-version", GrainStorage.Name)] IPersistentState<ParkVersionState> state) : Grain, IParkVersionGrain
{
    private Task<string?>? _analysis;

    public async Task StoreAsync(DatasetVersionInfo info, byte[] datasetJson)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(datasetJson);
        }

        state.State.Info = info;
        state.State.DatasetGzip = buffer.ToArray();
        _analysis = null;
        await state.WriteStateAsync();
    }

    public Task<byte[]?> GetDatasetJsonAsync() => Task.FromResult(Json());

    public Task<string?> GetAnalysisJsonAsync()
    {
        if (Json() is not { } json)
        {
            return Task.FromResult<string?>(null);
        }

        return _analysis ??= Task.Run<string?>(() => DatasetExport.FromJson(json, this.GetPrimaryKeyString()) is { } dataset
            ? JsonSerializer.Serialize(AnalysisReport.From(ParkAnalyzer.Analyze(dataset)), AnalysisReport.JsonOptions)
            : null);
    }

    private byte[]? Json()
    {
        if (state.State.DatasetGzip is not { } compressed)
        {
            return null;
        }

        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }
}
