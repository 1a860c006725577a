namespace ParkCycle.HeatIntegration;

/// <summary>One enterprise's own targets when it integrates only its own streams (kW; pinch shifted, °C).</summary>
public sealed record EnterpriseHeatTargets(string Enterprise, int Streams, decimal HotUtilityKw, decimal ColdUtilityKw, decimal HeatRecoveryKw, PinchPoint? Pinch, bool Threshold);
