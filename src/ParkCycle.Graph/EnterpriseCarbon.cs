using System.Text.Json.Serialization;

namespace ParkCycle.Graph;

/// <summary>
/// An enterprise's CO2: scope 1 from the fuels it burns (net of fuel passed on) and process inputs (limestone
/// calcined), scope 2 from the electricity and heat it buys or receives, in t CO2 per year.
/// </summary>
public sealed record EnterpriseCarbon(
    string Enterprise,
    [property: JsonPropertyName("scope1_t")] decimal Scope1T,
    [property: JsonPropertyName("scope2_t")] decimal Scope2T);
