using System.Diagnostics.CodeAnalysis;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Model;

/// <summary>
/// A material that flows between enterprises. <see cref="TemperatureC"/> is required for waste heat and
/// steam (it decides which heat uses it can serve); <see cref="HazardousCode"/> (国家危险废物名录, e.g.
/// <c>HW08</c>) is required for hazardous waste. The category says what the material is; <see cref="Properties"/>
/// say how to convert it, so any unit the properties can reach is accepted for its flows.
/// </summary>
public sealed record Material(
    string Id,
    string Name,
    string? NameEn,
    MaterialCategory Category,
    Unit Unit,
    decimal? TemperatureC,
    string? HazardousCode)
{
    /// <summary>Density, calorific value, coefficients, steam state and catalogue parent. The default value is none.</summary>
    public MaterialProperties Properties { get; init; } = MaterialProperties.None;

    /// <summary>Where the material's properties come from (standard, study, or <c>estimate</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The properties as the material's own row states them, before <c>catalog_id</c> filled the gaps; what export writes.</summary>
    public MaterialProperties Stated
    {
        get => _stated ?? Properties;
        init => _stated = value;
    }

    private readonly MaterialProperties? _stated;

    /// <summary>True for waste heat and steam: the categories whose temperature decides what they can serve.</summary>
    public bool IsHeat => Category is MaterialCategory.WasteHeat or MaterialCategory.Steam;

    /// <summary>The English name where known, else the Chinese one.</summary>
    public string DisplayName => NameEn ?? Name;

    /// <summary>The catalogue material or class this one is a kind of (<c>catalog_id</c>), if any.</summary>
    public string? CatalogId => Properties.CatalogId;

    /// <summary>
    /// Which unit dimensions a category may be measured in. Since materials carry properties every category may
    /// be measured in any dimension (coal in t is an energy carrier; refinery off-gas in GJ is a byproduct).
    /// </summary>
    public static IReadOnlyList<Dimension> AllowedDimensions(MaterialCategory category) => [Dimension.Mass, Dimension.Volume, Dimension.Energy];

    /// <summary>The role a flow of this material has when its row does not say (flows.csv <c>role</c>).</summary>
    public FlowRole DefaultRole => Properties.Feedstock == true ? FlowRole.Feedstock : Category switch
    {
        MaterialCategory.Product => FlowRole.Product,
        MaterialCategory.Byproduct => FlowRole.Byproduct,
        MaterialCategory.SolidWaste or MaterialCategory.HazardousWaste or MaterialCategory.Wastewater
            or MaterialCategory.Emission or MaterialCategory.WasteHeat => FlowRole.Waste,
        MaterialCategory.Energy or MaterialCategory.Steam => FlowRole.Fuel,
        // A raw material with a calorific value (coal, diesel, biomass fuel) is bought to be burned.
        _ => Properties.LhvGjPerUnit is not null || Properties.TcePerUnit is not null ? FlowRole.Fuel : FlowRole.Feedstock,
    };

    /// <summary>
    /// Energy (GJ) in one canonical unit: the unit itself for energy units, the enthalpy for steam, else the
    /// calorific value (<c>lhv_gj_per_unit</c>, or <c>tce_per_unit</c> × 29.3076). Null, with the property to
    /// give in <paramref name="missing"/>, when the material has none.
    /// </summary>
    public decimal? GigajoulesPerUnit(out string? missing)
    {
        missing = null;
        if (Unit.Dimension == Dimension.Energy)
        {
            return Unit.ToBase;
        }

        if (Category == MaterialCategory.Steam && Unit.Dimension == Dimension.Mass)
        {
            var h = SteamEnthalpyGjPerT(out missing);
            return h * Unit.ToBase;
        }

        if (Properties.LhvGjPerUnit is { } lhv)
        {
            return lhv;
        }

        if (Properties.TcePerUnit is { } tce)
        {
            return tce * Unit.TonneCoalEquivalent.ToBase;
        }

        if (Unit.Dimension == Dimension.Volume && Properties.LhvGjPerM3 is { } perM3)
        {
            return perM3 * Unit.ToBase;
        }

        missing = "lhv_gj_per_unit";
        return null;
    }

    /// <summary>
    /// Steam's specific enthalpy (GJ/t): <c>enthalpy_gj_per_t</c> when given, else IAPWS-IF97 from
    /// <c>pressure_mpa</c> and <c>temperature_c</c>, else saturated steam at <c>temperature_c</c>.
    /// </summary>
    public decimal? SteamEnthalpyGjPerT(out string? missing)
    {
        missing = null;
        if (Properties.EnthalpyGjPerT is { } given)
        {
            return given;
        }

        if (TemperatureC is not { } t)
        {
            missing = "enthalpy_gj_per_t (or pressure_mpa and temperature_c)";
            return null;
        }

        var pressure = Properties.PressureMpa ?? SteamTable.SaturationPressureMpa(t);
        if (pressure is null)
        {
            missing = "enthalpy_gj_per_t or pressure_mpa (temperature_c alone is above the critical point)";
            return null;
        }

        var h = SteamTable.EnthalpyGjPerT(pressure.Value, t, out var reason);
        if (h is null)
        {
            missing = $"enthalpy_gj_per_t ({reason})";
        }

        return h;
    }

    /// <summary>
    /// Standard coal (tce, calorific basis 当量值) in one canonical unit: <c>tce_per_unit</c> when given, else
    /// the energy content / 29.3076 GJ per tce (GB/T 2589-2020). Null when the material has no energy content.
    /// </summary>
    public decimal? TceOfUnit() => Properties.TcePerUnit ?? (GigajoulesPerUnit(out _) is { } gj ? gj / Unit.TonneCoalEquivalent.ToBase : null);

    /// <summary>
    /// Converts a quantity of this material to <paramref name="target"/>, across dimensions through the material's
    /// properties (mass ↔ volume by density, mass or volume ↔ energy by calorific value or steam enthalpy).
    /// False, with the property to give in <paramref name="missing"/>, when a property the conversion needs is absent.
    /// </summary>
    public bool TryConvert(Quantity quantity, Unit target, out Quantity result, [NotNullWhen(false)] out string? missing)
    {
        result = default;
        missing = null;
        if (quantity.Dimension == target.Dimension)
        {
            result = quantity.ConvertTo(target);
            return true;
        }

        var factor = BaseFactor(quantity.Dimension, target.Dimension, out var divide, out missing);
        if (factor is null)
        {
            missing ??= "lhv_gj_per_unit";
            return false;
        }

        // Dividing rather than multiplying by a reciprocal keeps hand-checkable results exact (209.08 GJ / 20.908 = 10 t).
        var inBase = divide ? quantity.BaseValue / factor.Value : quantity.BaseValue * factor.Value;
        result = new Quantity(inBase / target.ToBase, target);
        return true;
    }

    /// <summary>Converts to the material's own unit, or throws <see cref="InvalidOperationException"/> naming the missing property.</summary>
    public Quantity ToOwnUnit(Quantity quantity) =>
        TryConvert(quantity, Unit, out var result, out var missing)
            ? result
            : throw new InvalidOperationException($"unit '{quantity.Unit.Symbol}' needs {missing} for material '{Id}'");

    /// <summary>The factor from base units (t, m³, GJ) of <paramref name="from"/> to those of <paramref name="to"/>: multiply, or divide when <paramref name="divide"/>.</summary>
    private decimal? BaseFactor(Dimension from, Dimension to, out bool divide, out string? missing)
    {
        missing = null;
        divide = false;

        if (from != Dimension.Energy && to != Dimension.Energy)
        {
            if (Properties.DensityTPerM3 is not { } rho || rho == 0)
            {
                missing = "density_t_per_m3";
                return null;
            }

            divide = from == Dimension.Mass;
            return rho;
        }

        var physical = from == Dimension.Energy ? to : from;
        var perBase = EnergyPerBase(physical, out missing);
        if (perBase is null || perBase == 0)
        {
            return null;
        }

        divide = from == Dimension.Energy;
        return perBase;
    }

    /// <summary>GJ per t (mass) or per m³ (volume) of this material.</summary>
    private decimal? EnergyPerBase(Dimension physical, out string? missing)
    {
        missing = null;
        if (Unit.Dimension == physical)
        {
            return GigajoulesPerUnit(out missing) is { } gj ? gj / Unit.ToBase : null;
        }

        if (physical == Dimension.Mass && Category == MaterialCategory.Steam)
        {
            return SteamEnthalpyGjPerT(out missing);
        }

        if (Unit.Dimension == Dimension.Energy)
        {
            // A gas kept in GJ and metered by volume: its volumetric calorific value (GB/T 2589-2020 gives gases per m³).
            if (Properties.LhvGjPerM3 is not { } perM3)
            {
                missing = physical == Dimension.Volume ? "lhv_gj_per_m3" : "lhv_gj_per_m3 and density_t_per_m3";
                return null;
            }

            if (physical == Dimension.Volume)
            {
                return perM3;
            }

            if (Properties.DensityTPerM3 is not { } rho || rho == 0)
            {
                missing = "density_t_per_m3";
                return null;
            }

            return perM3 / rho;
        }

        // Canonical unit is the other physical dimension: go through the density.
        if (GigajoulesPerUnit(out missing) is not { } perUnit)
        {
            return null;
        }

        if (Properties.DensityTPerM3 is not { } density || density == 0)
        {
            missing = "density_t_per_m3";
            return null;
        }

        var perOwnBase = perUnit / Unit.ToBase;
        return physical == Dimension.Volume ? perOwnBase * density : perOwnBase / density;
    }

    /// <summary>
    /// This material with the gaps in its properties filled from <paramref name="parent"/> (its <c>catalog_id</c>):
    /// per-unit values are rescaled to this material's unit where the parent's properties can convert it.
    /// </summary>
    public Material InheritFrom(Material parent)
    {
        var own = Properties;
        var p = parent.Properties;
        decimal? perOwnUnit(decimal? parentValue)
        {
            if (parentValue is not { } v)
            {
                return null;
            }

            return parent.TryConvert(new Quantity(1m, Unit), parent.Unit, out var inParent, out _) ? v * inParent.Value : null;
        }

        return this with
        {
            Stated = Stated,
            Source = Source ?? parent.Source,
            TemperatureC = TemperatureC ?? parent.TemperatureC,
            Properties = own with
            {
                DensityTPerM3 = own.DensityTPerM3 ?? p.DensityTPerM3,
                LhvGjPerUnit = own.LhvGjPerUnit ?? (Unit.Dimension != Dimension.Energy && parent.Unit.Dimension != Dimension.Energy && parent.Category != MaterialCategory.Steam ? perOwnUnit(p.LhvGjPerUnit) : null),
                LhvGjPerM3 = own.LhvGjPerM3 ?? p.LhvGjPerM3,
                TcePerUnit = own.TcePerUnit ?? perOwnUnit(p.TcePerUnit),
                Co2TPerUnit = own.Co2TPerUnit ?? perOwnUnit(p.Co2TPerUnit),
                Fossil = own.Fossil ?? p.Fossil,
                Feedstock = own.Feedstock ?? p.Feedstock,
                PressureMpa = own.PressureMpa ?? p.PressureMpa,
                EnthalpyGjPerT = own.EnthalpyGjPerT ?? p.EnthalpyGjPerT,
            },
        };
    }
}
