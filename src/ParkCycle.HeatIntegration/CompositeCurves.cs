using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// The hot and cold composite curves, each in rising temperature. The hot curve starts at 0 kW at the coldest hot
/// temperature; the cold curve starts at the minimum cold utility, so the two sit ΔTmin apart at the pinch and the
/// cold curve overhangs the hot one by the minimum hot utility at the top.
/// </summary>
public sealed record CompositeCurves(
    [property: JsonPropertyName("hot")] IReadOnlyList<CompositePoint> Hot,
    [property: JsonPropertyName("cold")] IReadOnlyList<CompositePoint> Cold);
