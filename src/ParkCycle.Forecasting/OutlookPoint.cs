namespace ParkCycle.Forecasting;

/// <summary>One month of a target's curve: expected share complete and its 10–90% band.</summary>
public sealed record OutlookPoint(DateOnly Month, double Expected, double Low, double High);
