namespace ParkCycle.Graph;

/// <summary>
/// One enterprise's product output and energy use against the benchmarks of its products. An enterprise making several
/// benchmarked products is at the benchmark when its energy is within the sum of what each output may use at it.
/// </summary>
/// <param name="Enterprise">The enterprise id.</param>
/// <param name="Outputs">Output by benchmark row id, t of the product per year (existing flows).</param>
/// <param name="EnergyTce">Its comprehensive energy consumption from the flows (GB/T 2589-2020, calorific basis), tce.</param>
/// <param name="BenchmarkTce">What its output would use at the benchmark level, tce; also the weight of its capacity in the share.</param>
/// <param name="BaselineTce">What its output would use at the baseline level, tce.</param>
/// <param name="KgcePerBasis">kgce per unit of the basis when all its output shares one basis; null otherwise.</param>
public sealed record EnterpriseBenchmark(
    string Enterprise,
    IReadOnlyDictionary<string, decimal> Outputs,
    decimal EnergyTce,
    decimal BenchmarkTce,
    decimal BaselineTce,
    decimal? KgcePerBasis)
{
    /// <summary>Whether its energy use is at or better than the benchmark level (标杆水平).</summary>
    public bool AtBenchmark => EnergyTce <= BenchmarkTce;

    /// <summary>Whether its energy use is worse than the baseline level (基准水平): to be upgraded or phased out.</summary>
    public bool BelowBaseline => EnergyTce > BaselineTce;
}
