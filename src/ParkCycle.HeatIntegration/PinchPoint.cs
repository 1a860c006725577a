using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// The pinch: the shifted temperature where the feasible heat cascade is zero, and the hot-stream and cold-stream
/// temperatures there (shifted plus and minus the ΔT contribution of the streams present), in °C.
/// </summary>
public sealed record PinchPoint(
    [property: JsonPropertyName("shifted_c")] decimal ShiftedC,
    [property: JsonPropertyName("hot_c")] decimal HotC,
    [property: JsonPropertyName("cold_c")] decimal ColdC);
