namespace ParkCycle.Reconciliation;

/// <summary>
/// The global chi-square test: the weighted sum of squared adjustments against the chi-square distribution
/// with as many degrees of freedom as there are independent reduced constraints. <see cref="Passed"/> is
/// false when <see cref="PValue"/> is below 1 − confidence: the reports cannot all be true.
/// </summary>
public sealed record GlobalTest(double Statistic, int DegreesOfFreedom, double PValue, bool Passed);
