namespace ParkCycle.Graph;

/// <summary>
/// A published energy-efficiency benchmark (标杆水平) and baseline (基准水平) for a product, a row of
/// <c>seeds/catalog/indicators/benchmarks.csv</c>: comprehensive energy consumption per unit of the benchmark's basis.
/// </summary>
/// <param name="Id">The row's id, e.g. <c>cement-clinker</c>.</param>
/// <param name="Sector">The GB/T 4754-2017 class the benchmark is published for (<c>3011</c> cement, <c>3071</c> building ceramics).</param>
/// <param name="Product">The material whose output is assessed (or whose kinds are, by <c>catalog_id</c>); its quantities in t.</param>
/// <param name="Basis">The unit the benchmark is per, e.g. <c>t clinker</c> or <c>m2</c>.</param>
/// <param name="BasisPerTonne">Units of the basis per t of the product (1 for clinker; clinker content of cement; m² per t of tiles).</param>
/// <param name="BenchmarkKgce">The benchmark level, kgce per unit of the basis.</param>
/// <param name="BaselineKgce">The baseline level, kgce per unit of the basis.</param>
/// <param name="Source">The document the values come from, and what is an estimate.</param>
public sealed record EnergyBenchmark(string Id, string Sector, string Product, string Basis, decimal BasisPerTonne, decimal BenchmarkKgce, decimal BaselineKgce, string Source);
