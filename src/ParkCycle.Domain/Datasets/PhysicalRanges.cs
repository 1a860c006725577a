namespace ParkCycle.Domain.Datasets;

/// <summary>
/// The documented range of every kind of number ParkCycle accepts (docs/dataset-format.md, docs/security.md). The
/// bounds are generous physical limits, not expectations: they exist so a typo or a hostile value cannot be stored.
/// With every input inside them, a park of a million flows sums to under 10^17, far inside <see cref="decimal"/>.
/// </summary>
public static class PhysicalRanges
{
    /// <summary>
    /// A quantity per year of one flow or report, in its own unit: 0 to 10^10. Estimate: 10^10 t/a is ten times
    /// China's crude-steel output (about 1.0 × 10^9 t in 2023, worldsteel), far beyond any single flow.
    /// </summary>
    public static readonly NumericRange AnnualQuantity = new("an annual quantity", 0m, 10_000_000_000m, "in its unit");

    /// <summary>A quantity per report period (year, month or week) before it is annualised: the same bound.</summary>
    public static readonly NumericRange ReportedQuantity = AnnualQuantity with { Name = "a reported quantity" };

    /// <summary>A price per unit of material: 0 to 10^9 CNY. Estimate: gold trades near 6 × 10^8 CNY/t.</summary>
    public static readonly NumericRange PriceCnyPerUnit = new("a price", 0m, 1_000_000_000m, "CNY per unit");

    /// <summary>A temperature: absolute zero to 3,000 °C. Estimate: molten steel is about 1,600 °C (tapping temperature).</summary>
    public static readonly NumericRange TemperatureC = new("a temperature", -273.15m, 3_000m, "°C");

    /// <summary>A percentage: 0 to 100.</summary>
    public static readonly NumericRange Percent = new("a percentage", 0m, 100m, "%");

    /// <summary>A latitude in decimal degrees (WGS-84).</summary>
    public static readonly NumericRange Latitude = new("a latitude", -90m, 90m, "°");

    /// <summary>A longitude in decimal degrees (WGS-84).</summary>
    public static readonly NumericRange Longitude = new("a longitude", -180m, 180m, "°");

    /// <summary>
    /// Money of one enterprise or project in 10k CNY: 0 to 10^9 (10^13 CNY). Estimate: above the annual revenue of
    /// China's largest company (State Grid, about 3.5 × 10^12 CNY).
    /// </summary>
    public static readonly NumericRange Money10kCny = new("an amount", 0m, 1_000_000_000m, "10k CNY");

    /// <summary>An enterprise's annual energy use: 0 to 10^9 tce. Estimate: China used about 5.7 × 10^9 tce in 2023 (NBS).</summary>
    public static readonly NumericRange EnergyTce = new("an annual energy use", 0m, 1_000_000_000m, "tce");

    /// <summary>A substitution ratio (units of target replaced per unit of source): 0 to 1,000 (estimate).</summary>
    public static readonly NumericRange Ratio = new("a ratio", 0m, 1_000m, string.Empty);

    /// <summary>A distance: 0 to 20,040 km, half the Earth's equatorial circumference (the farthest two points can be).</summary>
    public static readonly NumericRange DistanceKm = new("a distance", 0m, 20_040m, "km");

    /// <summary>CO2e avoided per unit of material: −10^4 to 10^4 t (estimate; clinker replaced is about 0.85 t/t).</summary>
    public static readonly NumericRange Co2ePerUnit = new("CO2e per unit", -10_000m, 10_000m, "t");

    /// <summary>
    /// The bound for a number column that names no range of its own: ±10^12. Keeps any new column's sums finite.
    /// </summary>
    public static readonly NumericRange Default = new("a number", -1_000_000_000_000m, 1_000_000_000_000m, string.Empty);

    /// <summary>The same bound for a column that may not be negative.</summary>
    public static readonly NumericRange DefaultNonNegative = Default with { Min = 0m };
}
