using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// The park's heat-integration report, as <c>parkcycle pinch --json</c>, <c>analyze --json</c> (as
/// <c>heat_integration</c>) and <c>GET /api/parks/{park}/heat</c> serve it. The first nine fields are the contract
/// (docs/cli.md); numbers are rounded to 6 decimal places. kW, °C and GJ/a throughout.
/// </summary>
public sealed record HeatIntegrationReport(
    [property: JsonPropertyName("dt_min_c")] decimal DtMinC,
    [property: JsonPropertyName("hot_utility_kw")] decimal HotUtilityKw,
    [property: JsonPropertyName("cold_utility_kw")] decimal ColdUtilityKw,
    [property: JsonPropertyName("heat_recovery_kw")] decimal HeatRecoveryKw,
    [property: JsonPropertyName("pinch")] PinchPoint? Pinch,
    [property: JsonPropertyName("threshold")] bool Threshold,
    [property: JsonPropertyName("composite_curves")] CompositeCurves CompositeCurves,
    [property: JsonPropertyName("grand_composite")] IReadOnlyList<GrandCompositePoint> GrandComposite,
    [property: JsonPropertyName("annual_gj")] AnnualEnergyGj AnnualGj,
    [property: JsonPropertyName("streams")] int Streams,
    [property: JsonPropertyName("hot_duty_kw")] decimal HotDutyKw,
    [property: JsonPropertyName("cold_duty_kw")] decimal ColdDutyKw,
    [property: JsonPropertyName("hours_per_year")] decimal HoursPerYear,
    [property: JsonPropertyName("pinches")] IReadOnlyList<PinchPoint> Pinches,
    [property: JsonPropertyName("problem_table")] IReadOnlyList<CascadeInterval> ProblemTable,
    [property: JsonPropertyName("enterprises")] IReadOnlyList<EnterpriseHeatTargets> Enterprises,
    [property: JsonPropertyName("total_site")] TotalSiteTargets TotalSite,
    [property: JsonPropertyName("sweep")] IReadOnlyList<SweepPoint> Sweep,
    [property: JsonPropertyName("today")] HeatToday Today,
    [property: JsonPropertyName("exchanges")] IReadOnlyList<ExchangeCheck> Exchanges)
{
    /// <summary>The report's JSON style: snake_case fields, kebab-case enums, readable Chinese.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
