namespace ParkCycle.Domain.Model;

/// <summary>
/// An enterprise in the park. Unknown figures are null, never zero: output value in 10k CNY per year,
/// energy use in tce per year, <see cref="AboveSize"/> the 规上 (above designated size) flag.
/// </summary>
public sealed record Enterprise(
    string Id,
    string Name,
    string? NameEn,
    string ZoneId,
    IReadOnlyList<Chain> Chains,
    string? Sector,
    decimal? Latitude,
    decimal? Longitude,
    EnterpriseStatus Status,
    decimal? OutputValue10kCny,
    decimal? EnergyTce,
    bool? AboveSize,
    string? Source)
{
    /// <summary>Industrial value added (工业增加值) in 10k CNY per year; null when unknown. The basis of HJ 274-2015 intensities.</summary>
    public decimal? ValueAdded10kCny { get; init; }

    /// <summary>Water recirculated inside the plant (循环用水量), m³ per year; counts as reuse in HJ 274-2015's water reuse rate.</summary>
    public decimal? RecirculatedWaterM3 { get; init; }

    /// <summary>Installed new-energy generating capacity, MW, of <see cref="NewEnergyType"/>; null when none is declared.</summary>
    public decimal? NewEnergyCapacityMw { get; init; }

    /// <summary>
    /// Why the enterprise's balance is not judged, when declared: stock, transit, or an input that is not a flow
    /// (sunlight for PV). Null means it is judged.
    /// </summary>
    public string? BalanceExempt { get; init; }

    /// <summary>The kind of <see cref="NewEnergyCapacityMw"/>.</summary>
    public NewEnergyType? NewEnergyType { get; init; }

    /// <summary>
    /// Whether the enterprise still produces and consumes in the park: operating, or relocating but not yet gone
    /// (the riverside plants keep running until they move). The one rule for "an active enterprise".
    /// </summary>
    public bool IsActive => Status is EnterpriseStatus.Operating or EnterpriseStatus.Relocating;

    /// <summary>True when both latitude and longitude are known (WGS-84 degrees); distances need them.</summary>
    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>Processes the enterprise runs (<c>cement-kiln</c>, <c>anaerobic-digestion</c>, …): a pathway whose process it runs is a direct exchange to it. Empty when none are declared.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Hazardous-waste codes its 危险废物经营许可证 lets it accept (e.g. <c>HW08</c>); a hazardous waste is proposed only to a holder. Empty when it holds none.</summary>
    public IReadOnlyList<string> Licences { get; init; } = [];

    /// <summary>When a relocating or closing enterprise leaves the park; exchanges that depend on it are flagged with it. Null when not known or not leaving.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Whether the enterprise runs the process <paramref name="capabilityOrLicence"/> names, or holds a licence of that code.</summary>
    public bool Holds(string capabilityOrLicence) =>
        Capabilities.Contains(capabilityOrLicence, StringComparer.Ordinal) || Licences.Contains(capabilityOrLicence, StringComparer.Ordinal);

    /// <summary>The English name where known, else the Chinese one.</summary>
    public string DisplayName => NameEn ?? Name;
}
