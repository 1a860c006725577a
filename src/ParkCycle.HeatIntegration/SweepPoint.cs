namespace ParkCycle.HeatIntegration;

/// <summary>The targets at one ΔTmin of a sweep (kW; pinch as a shifted temperature in °C, null for a threshold problem).</summary>
public sealed record SweepPoint(decimal DtMinC, decimal HotUtilityKw, decimal ColdUtilityKw, decimal HeatRecoveryKw, decimal? PinchShiftedC, bool Threshold);
