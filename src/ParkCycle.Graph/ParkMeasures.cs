using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// The park measures KPI formulas are written in (base units, existing flows of known quantity). A measure
/// is null when the data cannot give it, e.g. energy use when an operating enterprise's is unknown.
/// </summary>
public static class ParkMeasures
{
    /// <summary>The measures of a park; those from the energy and carbon accounts are null when <paramref name="accounts"/> is.</summary>
    public static IReadOnlyDictionary<string, decimal?> Compute(FlowGraph graph, ParkAccounts? accounts = null)
    {
        var dataset = graph.Dataset;
        decimal swGen = 0, swUsed = 0, swInPark = 0, hwGen = 0, hwLicensed = 0, waterIntake = 0, waterReused = 0, heatGen = 0, heatRecovered = 0, co2 = 0;
        decimal byproductGen = 0, byproductInPark = 0, wastewaterDischarged = 0;
        var links = new HashSet<(string, string)>();
        foreach (var flow in graph.Flows)
        {
            var material = dataset.Material(flow.MaterialId);
            var internalFlow = flow.IsInternal;
            var fromEnterprise = !ExternalNode.IsExternal(flow.From);
            if (internalFlow && material.Category is MaterialCategory.Byproduct or MaterialCategory.SolidWaste or MaterialCategory.HazardousWaste
                or MaterialCategory.WasteHeat or MaterialCategory.Steam or MaterialCategory.Water or MaterialCategory.Wastewater)
            {
                links.Add((flow.From, flow.To));
            }

            if (flow.Quantity is not { } q)
            {
                continue;
            }

            var v = q.BaseValue;
            var role = flow.RoleOf(material);
            if (fromEnterprise && q.Dimension == Dimension.Mass && IsSolidWaste(dataset, material, role))
            {
                // HJ 274-2015: general industrial solid waste generated and comprehensively utilised; products and
                // byproducts sold as such are not waste, and hazardous waste is counted on its own.
                swGen += v;
                if (!ExternalNode.IsDisposal(flow.To))
                {
                    swUsed += v;
                }
            }

            if (fromEnterprise && q.Dimension == Dimension.Mass && (IsSolidWaste(dataset, material, role) || role == FlowRole.Byproduct))
            {
                byproductGen += v;
                if (internalFlow)
                {
                    byproductInPark += v;
                }
            }

            switch (material.Category)
            {
                case MaterialCategory.SolidWaste or MaterialCategory.Byproduct when fromEnterprise && q.Dimension == Dimension.Mass:
                    if (internalFlow)
                    {
                        swInPark += v;
                    }

                    break;
                case MaterialCategory.HazardousWaste when fromEnterprise && q.Dimension == Dimension.Mass:
                    hwGen += v;
                    // Licensed treatment: a park enterprise (the kiln co-processing line) or licensed incineration.
                    if (internalFlow || flow.To == ExternalNode.Incineration)
                    {
                        hwLicensed += v;
                    }

                    break;
                case MaterialCategory.Water or MaterialCategory.Wastewater when q.Dimension == Dimension.Volume:
                    if (flow.From == ExternalNode.Import && material.Category == MaterialCategory.Water)
                    {
                        waterIntake += v;
                    }
                    else if (internalFlow)
                    {
                        // Water passed on for use, and wastewater reclaimed by another enterprise, are reuse.
                        waterReused += material.Category == MaterialCategory.Water ? v : 0;
                    }

                    if (material.Category == MaterialCategory.Wastewater && fromEnterprise && flow.To == ExternalNode.Discharge)
                    {
                        wastewaterDischarged += v;
                    }

                    break;
                case MaterialCategory.WasteHeat when fromEnterprise:
                    heatGen += v;
                    if (internalFlow)
                    {
                        heatRecovered += v;
                    }

                    break;
                case MaterialCategory.Emission when fromEnterprise && flow.MaterialId == "co2":
                    co2 += v;
                    break;
            }
        }

        var active = dataset.Enterprises.Where(e => e.IsActive).ToList();
        return new Dictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["solid_waste_generated_t"] = swGen,
            ["solid_waste_utilised_t"] = swUsed,
            ["solid_waste_in_park_t"] = swInPark,
            ["hazardous_waste_generated_t"] = hwGen,
            ["hazardous_waste_licensed_t"] = hwLicensed,
            ["water_intake_m3"] = waterIntake,
            ["water_reused_m3"] = waterReused,
            ["waste_heat_generated_gj"] = heatGen,
            ["waste_heat_recovered_gj"] = heatRecovered,
            ["co2_t"] = co2,
            ["energy_tce"] = active.All(e => e.EnergyTce is not null) ? active.Sum(e => e.EnergyTce!.Value) : null,
            ["output_value_10k_cny"] = active.All(e => e.OutputValue10kCny is not null) ? active.Sum(e => e.OutputValue10kCny!.Value) : null,
            ["eco_links"] = links.Count,
            ["byproduct_generated_t"] = byproductGen,
            ["byproduct_in_park_t"] = byproductInPark,
            ["water_recirculated_m3"] = active.Sum(e => e.RecirculatedWaterM3 ?? 0m),
            ["wastewater_discharged_m3"] = wastewaterDischarged,
            ["value_added_10k_cny"] = active.All(e => e.ValueAdded10kCny is not null) ? active.Sum(e => e.ValueAdded10kCny!.Value) : null,
            ["energy_consumption_tce"] = accounts?.Energy.Park.ConsumptionTce,
            ["energy_consumption_equivalent_tce"] = accounts?.Energy.Park.ConsumptionEquivalentTce,
            ["non_fossil_energy_tce"] = accounts is null ? null : NonFossilTce(dataset, accounts.Energy),
            ["natural_gas_tce"] = accounts?.Energy.Park.ByCarrier.Where(c => IsNaturalGas(dataset, c.Material)).Sum(c => c.Tce),
            ["co2_scope1_t"] = accounts?.Carbon.Park.Scope1T,
            ["co2_scope2_t"] = accounts?.Carbon.Park.Scope2T,
            ["new_energy_capacity_mw"] = active.Sum(e => e.NewEnergyCapacityMw ?? 0m),

            // A dataset is one year: the base year a reduction target is measured from is not in it.
            ["energy_intensity_base_year"] = null,
        };
    }

    private static bool IsSolidWaste(ParkDataset dataset, Material material, FlowRole role) =>
        material.Category != MaterialCategory.HazardousWaste
        && (role == FlowRole.Waste && material.Category is MaterialCategory.SolidWaste or MaterialCategory.Byproduct or MaterialCategory.RawMaterial or MaterialCategory.Product
            || (role == FlowRole.Byproduct && (dataset.IsKindOf(material.Id, "gypsum-byproduct") || dataset.IsKindOf(material.Id, "calcium-rich-residue"))));

    private static bool IsNaturalGas(ParkDataset dataset, string material) => dataset.IsKindOf(material, "natural-gas");

    /// <summary>
    /// Non-fossil energy used in the park (tce, calorific basis): carriers marked <c>fossil</c> false that cross the park
    /// boundary (biomass, biogas), plus what park enterprises produce and the park uses (PV power). Grid electricity
    /// counts as fossil here (its non-fossil part belongs to the grid's statistics, not the park's).
    /// </summary>
    private static decimal NonFossilTce(ParkDataset dataset, EnergyReport energy) =>
        energy.Park.ByCarrier.Where(c => c.Tce > 0 && dataset.Material(c.Material).Properties.Fossil == false).Sum(c => c.Tce)
        + energy.Park.InParkProductionTce;

    /// <summary>Why a measure is missing, for "not computable: missing X" messages.</summary>
    public static string WhyMissing(string measure, ParkDataset dataset)
    {
        var active = dataset.Enterprises.Where(e => e.IsActive).ToList();
        return measure switch
        {
            "energy_tce" => $"energy_tce of {active.Count(e => e.EnergyTce is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.EnergyTce is null).Select(e => e.Id).Take(5))}",
            "output_value_10k_cny" => $"output_value_10k_cny of {active.Count(e => e.OutputValue10kCny is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.OutputValue10kCny is null).Select(e => e.Id).Take(5))}",
            "value_added_10k_cny" => $"value_added_10k_cny of {active.Count(e => e.ValueAdded10kCny is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.ValueAdded10kCny is null).Select(e => e.Id).Take(5))}",
            "energy_intensity_base_year" => "energy_intensity_base_year: the base year's energy per 10k CNY value added, which the reduction target is measured from (a dataset holds one year)",
            _ => measure,
        };
    }
}
