namespace ParkCycle.HeatIntegration;

/// <summary>A proposed heat exchange and where it sits against the pinch, with the reason in words.</summary>
public sealed record ExchangeCheck(string Id, string Supplier, string Consumer, string? Material, decimal SourceTemperatureC, decimal? SinkTemperatureC, PinchCrossing Crossing, string Reason);
