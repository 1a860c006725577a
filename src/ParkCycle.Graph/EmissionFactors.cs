using System.Collections.Concurrent;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// The one source of CO2 factors for a park: combustion and process factors from the materials' properties
/// (IPCC 2006 defaults in the catalogue), the grid factor for electricity and the heat factor for steam and heat
/// (<see cref="AccountingOptions"/>). The carbon accounts and the CO2e of exchanges both read it. Thread-safe.
/// </summary>
public sealed class EmissionFactors
{
    private readonly ParkDataset _dataset;
    private readonly ConcurrentDictionary<string, EmissionFactor?> _byMaterial = new(StringComparer.Ordinal);

    /// <summary>Factors for <paramref name="dataset"/> under <paramref name="options"/> (the defaults when null).</summary>
    public EmissionFactors(ParkDataset dataset, AccountingOptions? options = null)
    {
        _dataset = dataset;
        Options = options ?? new AccountingOptions();
    }

    /// <summary>The options the factors come from.</summary>
    public AccountingOptions Options { get; }

    /// <summary>Whether a material is electricity (the catalogue's <c>electricity</c> or a kind of it).</summary>
    public static bool IsElectricity(Material material) => material.Id == "electricity" || material.CatalogId == "electricity";

    /// <summary>Whether a material is purchased heat for scope 2: steam, or the catalogue's <c>heat</c> or a kind of it.</summary>
    public static bool IsHeat(Material material) =>
        material.Category == MaterialCategory.Steam || material.Id == "heat" || material.CatalogId == "heat";

    /// <summary>
    /// t CO2 per unit (the material's own unit) that using one unit of the material emits: burning a fuel, a process
    /// input (limestone calcined), or buying electricity or heat. Null when the material has no factor.
    /// </summary>
    public decimal? TCo2PerUnit(string materialId) => Factor(materialId)?.TCo2PerUnit;

    /// <summary>The factor with its unit and source; null when the material has none.</summary>
    public EmissionFactor? Factor(string materialId) => _byMaterial.GetOrAdd(materialId, Compute);

    private EmissionFactor? Compute(string materialId)
    {
        if (_dataset.FindMaterial(materialId) is not { } material)
        {
            return null;
        }

        if (IsElectricity(material))
        {
            // Per MWh of the material's unit: a material kept in kWh gets the factor per kWh.
            var perUnit = Options.Grid.TCo2PerMwh * material.Unit.ToBase / Domain.Units.Unit.MegawattHour.ToBase;
            return new EmissionFactor(material.Id, perUnit, material.Unit.Symbol, Options.Grid.Source);
        }

        if (IsHeat(material))
        {
            if (material.GigajoulesPerUnit(out _) is not { } gj)
            {
                return null;
            }

            var source = material.Category == MaterialCategory.Steam && material.Unit.Dimension == Domain.Units.Dimension.Mass
                ? $"{Options.HeatSource} × steam enthalpy {gj / material.Unit.ToBase:0.####} GJ/t (IAPWS-IF97 or as given)"
                : Options.HeatSource;
            return new EmissionFactor(material.Id, Options.HeatTCo2PerGj * gj, material.Unit.Symbol, source);
        }

        return material.Properties.Co2TPerUnit is { } co2 && material.Category != MaterialCategory.Emission
            ? new EmissionFactor(material.Id, co2, material.Unit.Symbol, material.Source ?? "dataset (no source given)")
            : null;
    }
}
