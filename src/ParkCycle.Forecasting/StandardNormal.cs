namespace ParkCycle.Forecasting;

/// <summary>Draws from the standard normal distribution (Box–Muller), the one sampler every forecast and generator here uses.</summary>
public static class StandardNormal
{
    /// <summary>One draw of N(0, 1) from two uniforms of <paramref name="random"/> (deterministic for a seeded generator).</summary>
    public static double Sample(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
