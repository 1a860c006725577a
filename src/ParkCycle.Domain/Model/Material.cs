using ParkCycle.Domain.Units;

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

/// <summary>
/// A material that flows between enterprises. <see cref="TemperatureC"/> is required for waste heat and
/// steam (it decides which heat uses it can serve); <see cref="HazardousCode"/> (国家危险废物名录, e.g.
/// <c>HW08</c>) is required for hazardous waste.
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
    public bool IsHeat => Category is MaterialCategory.WasteHeat or MaterialCategory.Steam;

    /// <summary>The English name where known, else the Chinese one.</summary>
    public string DisplayName => NameEn ?? Name;

    /// <summary>Which unit dimensions a category may be measured in.</summary>
    public static IReadOnlyList<Dimension> AllowedDimensions(MaterialCategory category) => category switch
    {
        MaterialCategory.WasteHeat or MaterialCategory.Energy => [Dimension.Energy],
        // Steam is metered in tonnes in Chinese practice, sometimes in GJ.
        MaterialCategory.Steam => [Dimension.Mass, Dimension.Energy],
        MaterialCategory.Water or MaterialCategory.Wastewater => [Dimension.Volume, Dimension.Mass],
        MaterialCategory.Emission => [Dimension.Mass, Dimension.Volume],
        _ => [Dimension.Mass, Dimension.Volume],
    };
}
