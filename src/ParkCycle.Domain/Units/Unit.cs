using System.Diagnostics.CodeAnalysis;

namespace ParkCycle.Domain.Units;

/// <summary>
/// A unit of measure: its symbol as written in datasets, its dimension and its exact factor to the
/// dimension's base unit (t, m³ or GJ). Factors are decimals so conversions are exact.
/// </summary>
public sealed class Unit : IEquatable<Unit>
{
    private Unit(string symbol, Dimension dimension, decimal toBase)
    {
        Symbol = symbol;
        Dimension = dimension;
        ToBase = toBase;
    }

    /// <summary>The symbol used in datasets, e.g. <c>t</c>, <c>m3</c>, <c>GJ</c>, <c>tce</c>.</summary>
    public string Symbol { get; }

    public Dimension Dimension { get; }

    /// <summary>How many base units (t, m³ or GJ) one of this unit is.</summary>
    public decimal ToBase { get; }

    public static readonly Unit Tonne = new("t", Dimension.Mass, 1m);
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 0.001m);
    public static readonly Unit CubicMetre = new("m3", Dimension.Volume, 1m);
    public static readonly Unit Gigajoule = new("GJ", Dimension.Energy, 1m);
    public static readonly Unit Megajoule = new("MJ", Dimension.Energy, 0.001m);
    public static readonly Unit MegawattHour = new("MWh", Dimension.Energy, 3.6m);
    public static readonly Unit KilowattHour = new("kWh", Dimension.Energy, 0.0036m);

    /// <summary>Tonne of coal equivalent: 1 tce = 29.3076 GJ (GB/T 2589-2020).</summary>
    public static readonly Unit TonneCoalEquivalent = new("tce", Dimension.Energy, 29.3076m);

    /// <summary>Every unit ParkCycle knows, in a stable order.</summary>
    public static IReadOnlyList<Unit> All { get; } =
        [Tonne, Kilogram, CubicMetre, Gigajoule, Megajoule, MegawattHour, KilowattHour, TonneCoalEquivalent];

    private static readonly Dictionary<string, Unit> BySymbol = BuildSymbols();

    private static Dictionary<string, Unit> BuildSymbols()
    {
        var map = All.ToDictionary(u => u.Symbol, StringComparer.Ordinal);
        // Spellings seen in spreadsheets for the same units; export always writes the canonical symbol.
        map["m³"] = CubicMetre;
        return map;
    }

    /// <summary>The base unit of a dimension: t, m3 or GJ.</summary>
    public static Unit BaseOf(Dimension dimension) => dimension switch
    {
        Dimension.Mass => Tonne,
        Dimension.Volume => CubicMetre,
        Dimension.Energy => Gigajoule,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Finds a unit by its symbol (case-sensitive: <c>t</c> is not <c>T</c>).</summary>
    public static bool TryParse(string? symbol, [NotNullWhen(true)] out Unit? unit)
    {
        unit = null;
        return symbol is not null && BySymbol.TryGetValue(symbol.Trim(), out unit);
    }

    /// <summary>Finds a unit by its symbol or throws <see cref="FormatException"/> naming the symbol.</summary>
    public static Unit Parse(string symbol) =>
        TryParse(symbol, out var unit)
            ? unit
            : throw new FormatException($"unknown unit '{symbol}' (known: {string.Join(", ", All.Select(u => u.Symbol))})");

    public bool Equals(Unit? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Symbol.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Symbol;
}
