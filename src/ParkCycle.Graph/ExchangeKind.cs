namespace ParkCycle.Graph;

/// <summary>What kind of exchange an opportunity is (kebab-case on the wire).</summary>
public enum ExchangeKind
{
    /// <summary>A byproduct or waste of one enterprise used by another (the classic synergy).</summary>
    ByproductExchange,

    /// <summary>Waste heat or vented steam serving another enterprise's heat demand.</summary>
    WasteHeat,

    /// <summary>Water or treated wastewater reused by another enterprise (cascade use).</summary>
    WaterCascade,

    /// <summary>Shared energy carriers or utilities (fuel gas, steam, power) between enterprises.</summary>
    UtilitySharing,

    /// <summary>A product, energy or raw material sold out of the park while a park enterprise imports it or a substitute.</summary>
    LocalSupply,

    /// <summary>Recovery within one enterprise (its own waste heat to power, its own residue back into its process).</summary>
    SelfRecovery,

    /// <summary>An in-park supply that a waste or byproduct of another enterprise could replace.</summary>
    SupplyReplacement,
}
