namespace ParkCycle.Reconciliation;

/// <summary>
/// A quantity of a reconciliation problem: measured (a value and its standard deviation) or unknown
/// (<see cref="Value"/> null). A measured value with a zero standard deviation is taken as exact.
/// </summary>
public sealed record ReconciliationVariable(string Id, double? Value, double Sigma)
{
    /// <summary>True when the variable was measured (reported); false when it is to be estimated.</summary>
    public bool IsMeasured => Value is not null;
}
