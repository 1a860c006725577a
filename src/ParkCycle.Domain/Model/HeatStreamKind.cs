namespace ParkCycle.Domain.Model;

/// <summary>Whether a process stream gives heat or takes it (codes <c>hot</c> and <c>cold</c>).</summary>
public enum HeatStreamKind
{
    /// <summary>Must be cooled: waste heat, flue gas, hot effluent; its target is below its supply.</summary>
    Hot,

    /// <summary>Must be heated; its target is above its supply.</summary>
    Cold,
}
