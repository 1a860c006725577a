namespace ParkCycle.Reconciliation;

/// <summary>
/// A measured variable after reconciliation. <see cref="Test"/> is the standardised adjustment
/// |adjustment| / σ(adjustment); it is 0 for a measurement that no constraint makes redundant (it cannot be
/// checked, and is not adjusted).
/// </summary>
public sealed record ReconciledMeasurement(
    int Variable,
    string Id,
    double Reported,
    double SigmaReported,
    double Reconciled,
    double SigmaReconciled,
    double Adjustment,
    double Test,
    bool Flagged,
    bool Redundant);
