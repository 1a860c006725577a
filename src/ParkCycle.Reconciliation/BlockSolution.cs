namespace ParkCycle.Reconciliation;

/// <summary>What one block contributes to the result.</summary>
internal sealed record BlockSolution(
    List<ReconciledMeasurement> Measurements,
    List<EstimatedUnknown> Estimated,
    List<int> Unobservable,
    double Statistic,
    int DegreesOfFreedom,
    List<(int Index, ConstraintResidual Residual)> Residuals);
