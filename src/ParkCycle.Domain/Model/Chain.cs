namespace ParkCycle.Domain.Model;

/// <summary>The circular-economy chains of the park (专栏5).</summary>
public enum Chain
{
    FineChemicals,
    BuildingMaterials,
    AgriProducts,
    Other,
}
