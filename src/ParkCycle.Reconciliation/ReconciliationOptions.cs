namespace ParkCycle.Reconciliation;

/// <summary>Options of <see cref="DataReconciler"/>.</summary>
public sealed record ReconciliationOptions
{
    /// <summary>
    /// The confidence of the global chi-square test and of each measurement test (two-sided). The default
    /// value is 0.95.
    /// </summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// Relative tolerance below which a singular value (of the unknowns' matrix) or an eigenvalue (of the
    /// reduced constraints' covariance) counts as zero, so redundant constraints add no degree of freedom.
    /// The default value is 1e-10.
    /// </summary>
    public double RankTolerance { get; init; } = 1e-10;
}
