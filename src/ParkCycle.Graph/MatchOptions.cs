using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// Prices and limits used to value exchanges. Every default is an estimate for a Chinese park in the
/// mid-2020s, documented in docs/analysis.md; a park overrides them with its own figures.
/// </summary>
public sealed record MatchOptions
{
    /// <summary>ΔTmin: a heat source must be this much hotter than the use it serves, in °C. The default value is 10.</summary>
    public decimal HeatApproachC { get; init; } = 10m;

    /// <summary>Road freight for bulk solids and liquids, CNY per t·km. The default value is 0.5.</summary>
    public decimal TransportCnyPerTonneKm { get; init; } = 0.5m;

    /// <summary>Pipeline cost for water, CNY per m³·km. The default value is 0.02.</summary>
    public decimal TransportCnyPerCubicMetreKm { get; init; } = 0.02m;

    /// <summary>Heat or gas pipeline cost, CNY per GJ·km. The default value is 0.8.</summary>
    public decimal TransportCnyPerGigajouleKm { get; init; } = 0.8m;

    /// <summary>Carbon price that puts CO2e and money on one scale, CNY per t CO2e. The default value is 90 (China ETS, 2024 average).</summary>
    public decimal CarbonPriceCnyPerTonne { get; init; } = 90m;

    /// <summary>
    /// Gate fees avoided when a disposal stops, CNY per t (or per unit) by sink, used only where the catalogue's
    /// <c>gate_fees.csv</c> has no fee for the material or its category at that sink.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> DisposalCnyPerUnit { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [ExternalNode.Landfill] = 80m,
        [ExternalNode.Incineration] = 300m,
        [ExternalNode.Storage] = 15m,
        [ExternalNode.Discharge] = 0m,
        [ExternalNode.Atmosphere] = 0m,
        [ExternalNode.Market] = 0m,
    };

    /// <summary>How far each category travels at most, km (steam and heat far less than bulk solids).</summary>
    public IReadOnlyDictionary<MaterialCategory, decimal> MaxDistanceKm { get; init; } = new Dictionary<MaterialCategory, decimal>
    {
        [MaterialCategory.WasteHeat] = 3m,
        [MaterialCategory.Steam] = 5m,
        [MaterialCategory.Energy] = 5m,
        [MaterialCategory.Water] = 10m,
        [MaterialCategory.Wastewater] = 10m,
        [MaterialCategory.Emission] = 20m,
        [MaterialCategory.HazardousWaste] = 200m,
    };

    /// <summary>Limit for categories not in <see cref="MaxDistanceKm"/>, km. The default value is 150.</summary>
    public decimal DefaultMaxDistanceKm { get; init; } = 150m;

    /// <summary>
    /// How far an imported material travels to the park, km: the freight a local supply saves. The default value
    /// is 150 (estimate: the bulk-solids radius of <see cref="DefaultMaxDistanceKm"/>).
    /// </summary>
    public decimal ImportHaulKm { get; init; } = 150m;

    /// <summary>
    /// Processes that can only run where the source is (heat does not travel to a processor): a pathway needing one
    /// is proposed when the supplier runs it, or as its own recovery (heat-to-power also makes electricity, which
    /// does not cross the fence, so it is always the source's own). The default values are <c>heat-to-power</c>,
    /// <c>waste-heat-boiler</c> and <c>heat-pump</c>.
    /// </summary>
    public IReadOnlySet<string> AtSourceProcesses { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "heat-to-power", "waste-heat-boiler", "heat-pump" };

    /// <summary>
    /// Processes any consumer can adopt without a special plant, so a pathway needing one is a direct exchange:
    /// <c>boiler-replacement</c> (it takes steam and shuts its boiler; the fuel displaced through the boiler
    /// efficiency the pathway states).
    /// </summary>
    public IReadOnlySet<string> ConsumerSideProcesses { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "boiler-replacement" };

    /// <summary>
    /// Smallest exchange worth setting up per process, in units of source per year; the plan drops exchanges below it.
    /// Defaults are estimates of the smallest plants built in China (e.g. a farm-scale digester of ~3,000 t/a).
    /// </summary>
    public IReadOnlyDictionary<string, decimal> MinimumScale { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["anaerobic-digestion"] = 3000m,
        ["acid-regeneration"] = 5000m,
        ["heat-to-power"] = 50000m,
        ["pelletising"] = 2000m,
    };

    /// <summary>
    /// Materials one enterprise may not sell to another (power across the fence is restricted in China outside
    /// incremental-distribution pilots, 国家发展改革委 国家能源局 关于积极推进电力市场化交易 2017-2023): they are
    /// matched only within an enterprise. The default value is <c>electricity</c>.
    /// </summary>
    public IReadOnlySet<string> NotAcrossTheFence { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "electricity" };

    /// <summary>Smallest exchange of any pathway, in units of source per year; the plan drops exchanges below it. The default value is 0.</summary>
    public decimal MinimumExchange { get; init; }

    /// <summary>Most opportunities kept per offer (the most valuable). The default value is 10.</summary>
    public int MaxOpportunitiesPerOffer { get; init; } = 10;

    /// <summary>
    /// Most candidates per offer the optimiser weighs (the most valuable positive ones) once a park has more
    /// than <see cref="PlanExactUpTo"/> positive opportunities. The default value is 3.
    /// </summary>
    public int PlanCandidatesPerOffer { get; init; } = 3;

    /// <summary>
    /// Up to this many positive opportunities the optimiser weighs all of them (an exact optimum over the
    /// opportunities); beyond it, each offer's best <see cref="PlanCandidatesPerOffer"/>. The default value is 20,000.
    /// </summary>
    public int PlanExactUpTo { get; init; } = 20_000;
}
