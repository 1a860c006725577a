namespace ParkCycle.HeatIntegration;

/// <summary>A stream on the shifted-temperature scale: hot streams moved down, cold ones up, by their ΔT contribution.</summary>
internal readonly record struct ShiftedStream(decimal Low, decimal High, decimal CpKwPerK, bool Hot, decimal DtContributionC);
