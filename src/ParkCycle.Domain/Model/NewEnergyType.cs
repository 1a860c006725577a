namespace ParkCycle.Domain.Model;

/// <summary>The kind of new-energy generating capacity an enterprise has installed (enterprises.csv <c>new_energy_type</c>).</summary>
public enum NewEnergyType
{
    /// <summary>Photovoltaic.</summary>
    Pv,

    /// <summary>Wind.</summary>
    Wind,

    /// <summary>Biomass power.</summary>
    Biomass,

    /// <summary>Small hydro.</summary>
    Hydro,

    /// <summary>Energy storage or another new-energy type.</summary>
    Other,
}
