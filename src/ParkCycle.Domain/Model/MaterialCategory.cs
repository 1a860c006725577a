namespace ParkCycle.Domain.Model;

/// <summary>What kind of thing a material is; decides which units and attributes it needs.</summary>
public enum MaterialCategory
{
    RawMaterial,
    Product,
    Byproduct,
    SolidWaste,
    HazardousWaste,
    WasteHeat,
    Steam,
    Wastewater,
    Water,
    Energy,
    Emission,
}
