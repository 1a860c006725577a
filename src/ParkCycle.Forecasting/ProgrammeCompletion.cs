namespace ParkCycle.Forecasting;

/// <summary>When a programme's total is reached: the 10th, 50th and 90th percentile dates; null when that percentile lies beyond the horizon.</summary>
public sealed record ProgrammeCompletion(DateOnly? P10, DateOnly? P50, DateOnly? P90);
