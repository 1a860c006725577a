using System.Text.Json.Serialization;

namespace ParkCycle.Cli.Commands;

internal sealed record ZoneTotal(string Zone, string Name, int Enterprises, [property: JsonPropertyName("output_value_10k_cny")] decimal OutputValue10kCny, decimal EnergyTce, int OutputValueUnknown, int EnergyUnknown);
