namespace ParkCycle.Reconciliation;

/// <summary>
/// A constraint's left-hand side with the reported values (null when one of its variables is unknown) and
/// with the reconciled and estimated values (null when one of its unknowns is unobservable).
/// </summary>
public sealed record ConstraintResidual(string Id, double? Reported, double? Reconciled);
