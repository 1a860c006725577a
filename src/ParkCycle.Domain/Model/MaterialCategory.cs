namespace ParkCycle.Domain.Model;

/// <summary>What kind of thing a material is; decides which units and attributes it needs.</summary>
public enum MaterialCategory
{
    /// <summary>An input to a process (<c>raw-material</c>), e.g. limestone; with a calorific value (coal, biomass fuel) its flows default to the fuel role, else to feedstock.</summary>
    RawMaterial,
    /// <summary>What an enterprise makes to sell (<c>product</c>).</summary>
    Product,
    /// <summary>A saleable or reusable co-product of a process (<c>byproduct</c>), e.g. byproduct gypsum; the exchanges' main supply.</summary>
    Byproduct,
    /// <summary>General industrial solid waste (<c>solid-waste</c>), e.g. slag, ash, sludge.</summary>
    SolidWaste,
    /// <summary>A waste on the National Hazardous Waste List (<c>hazardous-waste</c>); needs its HW code and goes only to a licence holder.</summary>
    HazardousWaste,
    /// <summary>Heat released by a process (<c>waste-heat</c>); needs its temperature, which decides the uses it can serve.</summary>
    WasteHeat,
    /// <summary>Steam (<c>steam</c>), by mass or energy; needs its temperature (and may give pressure or enthalpy).</summary>
    Steam,
    /// <summary>Wastewater (<c>wastewater</c>), usually in m³.</summary>
    Wastewater,
    /// <summary>Fresh or process water (<c>water</c>), usually in m³; counted in the water balance and reuse rate.</summary>
    Water,
    /// <summary>An energy carrier (<c>energy</c>): electricity, coal, gas, oil; defaults to the fuel role.</summary>
    Energy,
    /// <summary>A release to air (<c>emission</c>), e.g. CO2.</summary>
    Emission,
}
