using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ParkCycle.Graph;

/// <summary>A published average CO2 emission factor of grid electricity, with its document and year.</summary>
/// <param name="Id">A short id, e.g. <c>national-2022</c>.</param>
/// <param name="TCo2PerMwh">t CO2 per MWh consumed.</param>
/// <param name="Source">The document that publishes it.</param>
public sealed record GridFactor(string Id, decimal TCo2PerMwh, string Source)
{
    /// <summary>National grid average 2022, 0.5703 t CO2/MWh (生态环境部 环办气候函〔2023〕43号, for 2023–2025 reporting). The default.</summary>
    public static GridFactor National2022 { get; } = new("national-2022", 0.5703m,
        "MEE 2022 national grid average emission factor 0.5703 tCO2/MWh (生态环境部 环办气候函〔2023〕43号)");

    /// <summary>National average 2021, 0.5568 t CO2/MWh (生态环境部、国家统计局公告2024年第12号).</summary>
    public static GridFactor National2021 { get; } = new("national-2021", 0.5568m,
        "MEE/NBS 2021 national electricity average CO2 emission factor 0.5568 tCO2/MWh (生态环境部 国家统计局 公告2024年第12号)");

    /// <summary>Central China (华中) regional average 2021, 0.5395 t CO2/MWh (same announcement).</summary>
    public static GridFactor CentralChina2021 { get; } = new("central-china-2021", 0.5395m,
        "MEE/NBS 2021 Central China (华中) regional electricity average CO2 emission factor 0.5395 tCO2/MWh (生态环境部 国家统计局 公告2024年第12号)");

    /// <summary>
    /// The shipped factors by id. Provincial factors (Hunan's among them) are published in the same announcement but no
    /// citable copy of the table was at hand, so none is shipped: give it as a number with its source.
    /// </summary>
    public static IReadOnlyList<GridFactor> Known { get; } = [National2022, National2021, CentralChina2021];

    /// <summary>A factor the user states (a provincial one, or a newer year), with the document it comes from.</summary>
    public static GridFactor Custom(decimal tCo2PerMwh, string source) => new("custom", tCo2PerMwh, source);

    /// <summary>
    /// Reads a factor as a command line or request gives it: a shipped id (<see cref="Known"/>), or a number of t CO2 per
    /// MWh in (0, 2] with <paramref name="source"/> naming its document (without one the source says it was given, uncited).
    /// </summary>
    /// <returns>False with <paramref name="error"/> saying why when the text is neither.</returns>
    public static bool TryParse(string text, string? source, [NotNullWhen(true)] out GridFactor? factor, [NotNullWhen(false)] out string? error)
    {
        factor = Known.FirstOrDefault(k => string.Equals(k.Id, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (factor is not null)
        {
            error = null;
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            if (value is > 0m and <= 2m)
            {
                factor = Custom(value, string.IsNullOrWhiteSpace(source)
                    ? $"{value.ToString(CultureInfo.InvariantCulture)} tCO2/MWh as given (no source stated)"
                    : $"{value.ToString(CultureInfo.InvariantCulture)} tCO2/MWh ({source.Trim()})");
                error = null;
                return true;
            }

            error = $"grid factor {text} is not within (0, 2] t CO2/MWh";
            return false;
        }

        error = $"unknown grid factor '{text}' (known: {string.Join(", ", Known.Select(k => k.Id))}, or a number of t CO2/MWh)";
        return false;
    }
}
