namespace ParkCycle.Graph;

/// <summary>
/// Where an exchange's value comes from, CNY per year (or per unit of source, in <see cref="ExchangeOpportunity.ValueCnyPerUnit"/>'s
/// terms): avoided purchase + avoided disposal + carbon, with transport and processing as negative values, so the
/// five always sum to the net value.
/// </summary>
public sealed record ValueComponents(decimal AvoidedPurchaseCny, decimal AvoidedDisposalCny, decimal TransportCny, decimal ProcessingCny, decimal CarbonCny)
{
    /// <summary>No value at all.</summary>
    public static ValueComponents Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The sum of the five components.</summary>
    public decimal Net => AvoidedPurchaseCny + AvoidedDisposalCny + TransportCny + ProcessingCny + CarbonCny;

    /// <summary>The components for <paramref name="quantity"/> units, each rounded to whole CNY.</summary>
    public ValueComponents Times(decimal quantity) => new(
        Math.Round(AvoidedPurchaseCny * quantity, 0),
        Math.Round(AvoidedDisposalCny * quantity, 0),
        Math.Round(TransportCny * quantity, 0),
        Math.Round(ProcessingCny * quantity, 0),
        Math.Round(CarbonCny * quantity, 0));
}
