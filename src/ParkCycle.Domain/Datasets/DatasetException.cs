namespace ParkCycle.Domain.Datasets;

/// <summary>Thrown when a dataset that must be valid is not; carries every problem found.</summary>
public sealed class DatasetException(IReadOnlyList<DatasetError> errors)
    : Exception($"the dataset has {errors.Count(e => e.Severity == Severity.Error)} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    /// <summary>Every problem found, warnings included.</summary>
    public IReadOnlyList<DatasetError> Errors { get; } = errors;
}
