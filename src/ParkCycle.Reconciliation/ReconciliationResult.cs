namespace ParkCycle.Reconciliation;

/// <summary>
/// The outcome of <see cref="DataReconciler.Compute"/>: every measured variable that is in a constraint, the
/// unknowns estimated and those left unobservable, the global test and each constraint's residuals.
/// </summary>
public sealed record ReconciliationResult(
    IReadOnlyList<ReconciledMeasurement> Measurements,
    IReadOnlyList<EstimatedUnknown> Estimated,
    IReadOnlyList<string> Unobservable,
    GlobalTest GlobalTest,
    IReadOnlyList<ConstraintResidual> Constraints,
    double CriticalValue,
    int Blocks);
