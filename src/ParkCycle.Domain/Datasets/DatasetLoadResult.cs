using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>The outcome of reading a dataset: the dataset when there were no errors, and every problem found.</summary>
public sealed record DatasetLoadResult(ParkDataset? Dataset, IReadOnlyList<DatasetError> Problems)
{
    /// <summary>True when the dataset loaded, i.e. there were no errors (warnings allowed).</summary>
    public bool IsValid => Dataset is not null;

    /// <summary>The problems that stopped the dataset loading.</summary>
    public IEnumerable<DatasetError> Errors => Problems.Where(p => p.Severity == Severity.Error);

    /// <summary>The problems worth telling that did not stop it loading.</summary>
    public IEnumerable<DatasetError> Warnings => Problems.Where(p => p.Severity == Severity.Warning);

    /// <summary>The dataset, or a <see cref="DatasetException"/> listing every error.</summary>
    public ParkDataset GetOrThrow() => Dataset ?? throw new DatasetException([.. Problems]);

    internal static DatasetLoadResult Failed(IReadOnlyList<DatasetError> problems) => new(null, problems);
}
