namespace ParkCycle.Domain.Model;

/// <summary>
/// Where a reported quantity comes from, read from the start of a flow's <c>source</c>: <c>measured …</c>
/// (or <c>metered</c>, 计量, 实测), <c>plan …</c> (规划), anything else an estimate. It sets the default
/// uncertainty of a flow whose <c>uncertainty</c> cell is blank.
/// </summary>
public enum FlowProvenance
{
    /// <summary>Metered or otherwise measured.</summary>
    Measured,

    /// <summary>Taken from a plan or a permit (planned capacity rather than what ran).</summary>
    Plan,

    /// <summary>Estimated (the default when the source says nothing else).</summary>
    Estimate,
}
