using System.Text.Json.Serialization;

namespace ParkCycle.Graph;

/// <summary>
/// The park's CO2: scope 1 summed over enterprises (each fuel counted where it is burned), scope 2 from the
/// electricity and heat the park imports net of what it exports (in-park supply is already in the supplier's
/// scope 1, so it is not counted again), in t CO2 per year.
/// </summary>
public sealed record ParkCarbon(
    [property: JsonPropertyName("scope1_t")] decimal Scope1T,
    [property: JsonPropertyName("scope2_t")] decimal Scope2T,
    [property: JsonPropertyName("total_t")] decimal TotalT);
