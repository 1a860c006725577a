namespace ParkCycle.HeatIntegration;

/// <summary>
/// A proposed transfer of heat from one enterprise to another, to check against the pinch: the heat leaves the
/// supplier at <see cref="SourceTemperatureC"/> and is used by the consumer from <see cref="SinkTemperatureC"/>
/// upward (°C; null when unknown). <see cref="Id"/> names it in the analysis (an opportunity, a plan entry, a flow).
/// </summary>
public sealed record ProposedHeatExchange(string Id, string Supplier, string Consumer, string? Material, decimal SourceTemperatureC, decimal? SinkTemperatureC);
