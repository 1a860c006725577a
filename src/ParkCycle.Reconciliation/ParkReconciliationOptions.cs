using ParkCycle.Domain.Model;

namespace ParkCycle.Reconciliation;

/// <summary>
/// Options of <see cref="ParkReconciliation"/>: the confidence of the tests and the relative standard deviation
/// (percent) given to a flow whose <c>uncertainty</c> cell is blank, by its <see cref="FlowProvenance"/>.
/// </summary>
public sealed record ParkReconciliationOptions
{
    /// <summary>The confidence of the global and the measurement tests. The default value is 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// Default relative standard deviation of a measured (metered) flow, in percent. The default value is 2.5
    /// (estimate: a calibrated industrial flow meter or weighbridge is typically within ±5 % at 95 %).
    /// </summary>
    public decimal MeasuredPercent { get; init; } = 2.5m;

    /// <summary>Default relative standard deviation of a flow taken from a plan, in percent. The default value is 10 (estimate).</summary>
    public decimal PlanPercent { get; init; } = 10m;

    /// <summary>Default relative standard deviation of an estimated flow, in percent. The default value is 25 (estimate).</summary>
    public decimal EstimatePercent { get; init; } = 25m;

    /// <summary>The default percent for a provenance.</summary>
    public decimal DefaultPercent(FlowProvenance provenance) => provenance switch
    {
        FlowProvenance.Measured => MeasuredPercent,
        FlowProvenance.Plan => PlanPercent,
        _ => EstimatePercent,
    };
}
