namespace ParkCycle.HeatIntegration;

/// <summary>
/// The energy targets of a set of streams at one ΔTmin, from the problem-table algorithm: minimum hot and cold
/// utility and maximum heat recovery (kW), the pinch (null for a threshold problem, where one utility is zero),
/// the composite curves and the grand composite curve. Invariant: hot utility − cold utility = Σ cold duty − Σ hot duty.
/// </summary>
public sealed record PinchTargets(
    decimal DtMinC,
    decimal HotUtilityKw,
    decimal ColdUtilityKw,
    decimal HeatRecoveryKw,
    decimal HotDutyKw,
    decimal ColdDutyKw,
    PinchPoint? Pinch,
    IReadOnlyList<PinchPoint> Pinches,
    bool Threshold,
    IReadOnlyList<CascadeInterval> ProblemTable,
    CompositeCurves CompositeCurves,
    IReadOnlyList<GrandCompositePoint> GrandComposite,
    decimal HoursPerYear,
    AnnualEnergyGj AnnualGj);
