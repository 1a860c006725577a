namespace ParkCycle.Domain.Model;

/// <summary>
/// The physical and accounting properties of a material, each optional and each per the material's own
/// (canonical) unit: what converts one unit into another and what energy statistics and carbon accounts need.
/// </summary>
/// <param name="DensityTPerM3">Density (t/m³): converts mass and volume.</param>
/// <param name="LhvGjPerUnit">Lower heating value per canonical unit (GJ): converts mass or volume and energy.</param>
/// <param name="LhvGjPerM3">
/// Lower heating value per m³ at normal conditions, for a gas whose canonical unit is an energy unit (natural gas
/// in GJ metered in 万立方米); GB/T 2589-2020 gives gas calorific values on this basis.
/// </param>
/// <param name="TcePerUnit">Standard-coal coefficient (折标准煤系数, tce per canonical unit, GB/T 2589-2020); derived from the LHV when absent.</param>
/// <param name="Co2TPerUnit">t CO2 per canonical unit when burned, or per unit of a process emission.</param>
/// <param name="Fossil">Whether the carrier is fossil (coal, oil, gas and their products); null when not said.</param>
/// <param name="Feedstock">Energy used as raw material (原料用能), excluded from energy consumption (发改环资〔2022〕803号).</param>
/// <param name="PressureMpa">Steam pressure (absolute, MPa); with the temperature gives the enthalpy by IAPWS-IF97.</param>
/// <param name="EnthalpyGjPerT">Steam specific enthalpy (GJ/t), when given rather than computed.</param>
/// <param name="CatalogId">The catalogue material or class this material is a kind of; its properties fill the gaps.</param>
public sealed record MaterialProperties(
    decimal? DensityTPerM3 = null,
    decimal? LhvGjPerUnit = null,
    decimal? LhvGjPerM3 = null,
    decimal? TcePerUnit = null,
    decimal? Co2TPerUnit = null,
    bool? Fossil = null,
    bool? Feedstock = null,
    decimal? PressureMpa = null,
    decimal? EnthalpyGjPerT = null,
    string? CatalogId = null)
{
    /// <summary>No properties at all: the default of every material.</summary>
    public static MaterialProperties None { get; } = new();
}
