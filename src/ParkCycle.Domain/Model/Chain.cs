namespace ParkCycle.Domain.Model;

/// <summary>The circular-economy chains of the park (专栏5).</summary>
public enum Chain
{
    /// <summary>Fine chemicals (<c>fine-chemicals</c>).</summary>
    FineChemicals,
    /// <summary>Building materials (<c>building-materials</c>).</summary>
    BuildingMaterials,
    /// <summary>Agricultural products and food processing (<c>agri-products</c>).</summary>
    AgriProducts,
    /// <summary>Anything outside the three chains (<c>other</c>), e.g. the park's steam, gas and wastewater utilities.</summary>
    Other,
}
