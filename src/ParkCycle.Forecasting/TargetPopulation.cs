namespace ParkCycle.Forecasting;

/// <summary>The enterprises a plan target counts (its denominator).</summary>
public enum TargetPopulation
{
    /// <summary>Every operating enterprise (<c>all</c>).</summary>
    All,

    /// <summary>Operating enterprises above designated size, 规上 (<c>above-size</c>).</summary>
    AboveSize,

    /// <summary>Chemical plants of the riverside zone (Binjiang) that are relocating or closed (<c>riverside</c>).</summary>
    Riverside,
}
