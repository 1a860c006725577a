namespace ParkCycle.Domain.Units;

/// <summary>The physical dimension of a quantity; quantities of different dimensions never mix.</summary>
public enum Dimension
{
    /// <summary>Mass; base unit the tonne (t).</summary>
    Mass,

    /// <summary>Volume; base unit the cubic metre (m³).</summary>
    Volume,

    /// <summary>Energy; base unit the gigajoule (GJ).</summary>
    Energy,
}
