namespace ParkCycle.Domain.Model;

/// <summary>
/// What a flow is to the enterprises at its ends, which may differ from its material's usual category: one
/// firm's product is another's fuel (flows.csv <c>role</c>; the default comes from the material).
/// </summary>
public enum FlowRole
{
    /// <summary>A product sold or delivered.</summary>
    Product,

    /// <summary>A byproduct (副产品) delivered for use.</summary>
    Byproduct,

    /// <summary>A waste, emission, effluent or vented heat.</summary>
    Waste,

    /// <summary>Energy consumed as energy (燃料、动力): counted in energy consumption.</summary>
    Fuel,

    /// <summary>Raw material, including energy used as raw material (原料用能): not counted in energy consumption.</summary>
    Feedstock,
}
