using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>A corner of the grand composite curve: a shifted temperature in °C and the heat cascaded across it in kW.</summary>
public sealed record GrandCompositePoint(
    [property: JsonPropertyName("t_shifted_c")] decimal ShiftedTemperatureC,
    [property: JsonPropertyName("h_kw")] decimal HeatKw);
