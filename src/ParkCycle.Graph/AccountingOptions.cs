namespace ParkCycle.Graph;

/// <summary>Coefficients of the energy and carbon accounts, each with its source; all configurable.</summary>
public sealed record AccountingOptions
{
    /// <summary>
    /// Generation coal rate for electricity at equivalent value (等价值), kgce per kWh (= tce per MWh). The default
    /// value is 0.3007: the 2022 national average coal consumption of thermal power supply, 300.7 gce/kWh
    /// (中国电力企业联合会, 中国电力行业年度发展报告2023).
    /// </summary>
    public decimal GenerationCoalRateKgcePerKwh { get; init; } = 0.3007m;

    /// <summary>Where <see cref="GenerationCoalRateKgcePerKwh"/> comes from.</summary>
    public string GenerationCoalRateSource { get; init; } = "CEC 2022 national average coal consumption of thermal power supply 300.7 gce/kWh (中国电力企业联合会 中国电力行业年度发展报告2023)";

    /// <summary>
    /// These options with the generation coal rate given in g of standard coal per kWh (as statistics publish it, e.g. 300.7),
    /// its source saying so; rates outside 150–600 gce/kWh are refused.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 150–600 gce/kWh.</exception>
    public AccountingOptions WithCoalRate(decimal gcePerKwh, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gcePerKwh, 150m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gcePerKwh, 600m);
        var given = $"{gcePerKwh.ToString(System.Globalization.CultureInfo.InvariantCulture)} gce/kWh";
        return this with
        {
            GenerationCoalRateKgcePerKwh = gcePerKwh / 1000m,
            GenerationCoalRateSource = string.IsNullOrWhiteSpace(source) ? $"generation coal rate {given} as given (no source stated)" : $"generation coal rate {given} ({source.Trim()})",
        };
    }

    /// <summary>The grid emission factor for purchased electricity (scope 2). The default value is <see cref="GridFactor.National2022"/>.</summary>
    public GridFactor Grid { get; init; } = GridFactor.National2022;

    /// <summary>
    /// t CO2 per GJ of purchased heat (steam, hot water) for scope 2. The default value is 0.11, the factor of the
    /// national enterprise GHG accounting guidelines (国家发展改革委 中国化工生产企业温室气体排放核算方法与报告指南(试行), 2013).
    /// </summary>
    public decimal HeatTCo2PerGj { get; init; } = 0.11m;

    /// <summary>Where <see cref="HeatTCo2PerGj"/> comes from.</summary>
    public string HeatSource { get; init; } = "purchased heat 0.11 tCO2/GJ (国家发展改革委 中国化工生产企业温室气体排放核算方法与报告指南(试行), 2013)";
}
