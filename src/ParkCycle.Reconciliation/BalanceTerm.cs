using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>
/// A flow's place in a declared balance: its signed coefficient into the balance's unit (+ into the enterprise,
/// − out of it; e.g. +1 for tonnes in a mass balance, +1.0 t/m³ for water, −3.6 GJ/MWh for power sold).
/// </summary>
public sealed record BalanceTerm(
    [property: JsonPropertyName("flow")] string Flow,
    [property: JsonPropertyName("coefficient")] double Coefficient);
