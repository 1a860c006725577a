namespace ParkCycle.Reconciliation;

/// <summary>An unknown variable that the constraints determine, with the standard deviation propagated from the measurements.</summary>
public sealed record EstimatedUnknown(int Variable, string Id, double Estimate, double Sigma);
