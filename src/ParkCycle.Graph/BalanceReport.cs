namespace ParkCycle.Graph;

/// <summary>Per-enterprise balances and per-chain circularity.</summary>
/// <param name="Circularity">Per chain: share of the chain's enterprises' mass output that goes to other park enterprises.</param>
/// <param name="SolidWasteAbsorbedShare">Share of byproducts and solid wastes (t) taken by park enterprises; null when none is known.</param>
public sealed record BalanceReport(IReadOnlyList<BalanceLine> Enterprises, IReadOnlyList<ChainCircularity> Circularity, decimal? SolidWasteAbsorbedShare, decimal Tolerance);
