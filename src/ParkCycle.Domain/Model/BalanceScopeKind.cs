namespace ParkCycle.Domain.Model;

/// <summary>What a declared balance sums: all mass, all energy, water and wastewater, or one material.</summary>
public enum BalanceScopeKind
{
    /// <summary>Every flow measured in a mass unit, in t.</summary>
    Mass,

    /// <summary>Every flow measured in an energy unit, in GJ.</summary>
    Energy,

    /// <summary>Water and wastewater flows (categories <c>water</c>, <c>wastewater</c>) measured in volume, in m³.</summary>
    Water,

    /// <summary>The flows of one material, in the base unit of its dimension.</summary>
    Material,
}
