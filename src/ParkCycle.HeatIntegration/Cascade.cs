namespace ParkCycle.HeatIntegration;

/// <summary>
/// The heat cascade over shifted-temperature boundaries (ascending), built in O(n log n): each stream adds its
/// CP where it starts and takes it off where it ends, so interval CPs are running sums rather than a scan of every
/// stream per interval (the bench targets 10,000 streams).
/// </summary>
internal sealed class Cascade
{
    private Cascade(decimal[] temperatures, decimal[] netCp, decimal[] feasible, decimal hotUtility, decimal coldUtility)
    {
        Temperatures = temperatures;
        NetCp = netCp;
        Feasible = feasible;
        HotUtility = hotUtility;
        ColdUtility = coldUtility;
    }

    /// <summary>Boundaries, ascending (°C, shifted).</summary>
    public decimal[] Temperatures { get; }

    /// <summary>Net CP (Σ hot − Σ cold) of interval i, between boundary i and i + 1.</summary>
    public decimal[] NetCp { get; }

    /// <summary>Heat flowing down across boundary i in the feasible cascade (≥ 0): the hot utility at the top, the cold utility at the bottom.</summary>
    public decimal[] Feasible { get; }

    public decimal HotUtility { get; }

    public decimal ColdUtility { get; }

    public int Count => Temperatures.Length;

    public static Cascade Build(IReadOnlyList<ShiftedStream> streams, IEnumerable<decimal>? extraBoundaries = null)
    {
        var all = new List<decimal>((streams.Count * 2) + 4);
        foreach (var s in streams)
        {
            all.Add(s.Low);
            all.Add(s.High);
        }

        if (extraBoundaries is not null)
        {
            all.AddRange(extraBoundaries);
        }

        var temperatures = Distinct(all);
        var n = temperatures.Length;
        if (n == 0)
        {
            return new Cascade([], [], [], 0, 0);
        }

        var diff = new decimal[n];
        decimal scale = 1;
        foreach (var s in streams)
        {
            var signed = s.Hot ? s.CpKwPerK : -s.CpKwPerK;
            diff[Array.BinarySearch(temperatures, s.Low)] += signed;
            diff[Array.BinarySearch(temperatures, s.High)] -= signed;
            scale += s.CpKwPerK * (s.High - s.Low);
        }

        var netCp = new decimal[Math.Max(0, n - 1)];
        decimal running = 0;
        for (var i = 0; i < n - 1; i++)
        {
            running += diff[i];
            netCp[i] = running;
        }

        // Cascade from the top with no hot utility; the most negative flow is the hot utility needed.
        var flow = new decimal[n];
        decimal min = 0;
        for (var i = n - 2; i >= 0; i--)
        {
            flow[i] = flow[i + 1] + (netCp[i] * (temperatures[i + 1] - temperatures[i]));
            min = Math.Min(min, flow[i]);
        }

        // Repeating decimals (a CP derived from a duty) leave residues of ~1e-25; treat those as exact zeros.
        var epsilon = scale * 1e-18m;
        var hot = Snap(-min, epsilon);
        for (var i = 0; i < n; i++)
        {
            flow[i] = Snap(flow[i] + hot, epsilon);
        }

        return new Cascade(temperatures, netCp, flow, hot, flow[0]);
    }

    /// <summary>The feasible cascade at any shifted temperature: linear between boundaries, 0 outside them.</summary>
    public decimal FeasibleAt(decimal t)
    {
        var n = Count;
        if (n == 0 || t > Temperatures[n - 1])
        {
            return n == 0 ? 0 : HotUtility;
        }

        if (t < Temperatures[0])
        {
            return ColdUtility;
        }

        var i = Array.BinarySearch(Temperatures, t);
        if (i >= 0)
        {
            return Feasible[i];
        }

        var upper = ~i;
        var lower = upper - 1;
        return Feasible[upper] + (NetCp[lower] * (Temperatures[upper] - t));
    }

    private static decimal Snap(decimal value, decimal epsilon) => Math.Abs(value) <= epsilon ? 0 : value;

    private static decimal[] Distinct(List<decimal> values)
    {
        values.Sort();
        var count = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (count == 0 || values[i] != values[count - 1])
            {
                values[count++] = values[i];
            }
        }

        return [.. values.Take(count)];
    }
}
