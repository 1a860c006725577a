using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>A corner of a composite curve: a real stream temperature in °C and the cumulative heat load in kW.</summary>
public sealed record CompositePoint(
    [property: JsonPropertyName("t_c")] decimal TemperatureC,
    [property: JsonPropertyName("h_kw")] decimal HeatKw);
