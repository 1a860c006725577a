namespace ParkCycle.Graph;

/// <summary>
/// An exchange that could replace an import (or an in-park supply) with an output that is now disposed of or
/// sold away. <see cref="Quantity"/> is in the source material's unit: the smaller of what is offered and what it
/// can replace (within the pathway's blending cap). Null figures are unknown (unknown quantity or coordinates),
/// never zero. <see cref="ValueComponents"/> sum to <see cref="NetValueCny"/>; <see cref="ValueCnyPerUnit"/> is the
/// same value per unit of source, the figure the plan maximises.
/// </summary>
/// <param name="Kind">What kind of exchange it is.</param>
/// <param name="Process">The process the pathway needs; null for direct use.</param>
/// <param name="Processor">The in-park enterprise that runs <paramref name="Process"/> between supplier and consumer (a two-hop exchange); null when the consumer runs it or none is needed.</param>
/// <param name="ValueComponents">Where the net value comes from, CNY/a; null when the value is unknown.</param>
/// <param name="MaxShare">The pathway's blending cap of the consumer's input; null for none.</param>
/// <param name="DependsOnLeaving">An enterprise the exchange depends on that is relocating or closing; null when none.</param>
/// <param name="LeavesOn">When <paramref name="DependsOnLeaving"/> leaves the park; null when not known.</param>
public sealed record ExchangeOpportunity(
    string Supplier,
    string Consumer,
    string SourceMaterial,
    string ReplacedMaterial,
    decimal? Quantity,
    string Unit,
    decimal? DistanceKm,
    decimal? Co2eAvoidedT,
    bool DisposalAvoided,
    decimal? NetValueCny,
    bool ClosesLoop,
    string OfferId,
    string NeedId,
    string? RuleId,
    decimal Ratio,
    decimal? ReplacedQuantity,
    string ReplacedUnit,
    string CurrentDestination,
    decimal? TransportCnyPerUnit,
    decimal? ValueCnyPerUnit,
    decimal? MaxDistanceKm,
    decimal Co2ePerUnit,
    ExchangeKind Kind = ExchangeKind.ByproductExchange,
    string? Process = null,
    string? Processor = null,
    ValueComponents? ValueComponents = null,
    decimal? MaxShare = null,
    string? DependsOnLeaving = null,
    DateOnly? LeavesOn = null)
{
    /// <summary>The value per unit of source split into its components (transport and processing negative); null when unknown.</summary>
    public ValueComponents? ValuePerUnit { get; init; }

    /// <summary>
    /// For a waste-heat exchange in a park with heat streams: how it sits against the park's pinch (crossing it
    /// raises both utilities). Null when the park has no heat streams or the exchange moves no heat.
    /// </summary>
    public HeatIntegration.PinchCrossing? PinchCrossing { get; init; }

    /// <summary>The opportunity carried out at <paramref name="amount"/> units of source (figures and components scaled).</summary>
    public ExchangeOpportunity At(decimal amount)
    {
        var components = ValuePerUnit?.Times(amount);
        return this with
        {
            Quantity = amount,
            ReplacedQuantity = Math.Round(amount * Ratio, 3),
            Co2eAvoidedT = Math.Round(amount * Co2ePerUnit, 3),
            ValueComponents = components,
            NetValueCny = components?.Net ?? (ValueCnyPerUnit is { } v ? Math.Round(amount * v, 0) : null),
        };
    }
}
