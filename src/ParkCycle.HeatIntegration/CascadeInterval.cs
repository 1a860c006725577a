namespace ParkCycle.HeatIntegration;

/// <summary>
/// One row of the problem table: a shifted-temperature interval (°C), the net CP of the streams in it
/// (Σ hot CP − Σ cold CP, kW/K), its surplus (positive) or deficit (negative) in kW, and the heat the feasible
/// cascade passes out of its bottom, in kW.
/// </summary>
public sealed record CascadeInterval(decimal UpperShiftedC, decimal LowerShiftedC, decimal NetCpKwPerK, decimal SurplusKw, decimal CascadedOutKw);
