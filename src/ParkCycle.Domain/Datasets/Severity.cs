namespace ParkCycle.Domain.Datasets;

/// <summary>Whether a problem stops the dataset loading (an error) or is only worth telling (a warning).</summary>
public enum Severity
{
    /// <summary>The dataset does not load.</summary>
    Error,
    /// <summary>Reported, and the dataset still loads.</summary>
    Warning,
}
