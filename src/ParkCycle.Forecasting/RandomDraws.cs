namespace ParkCycle.Forecasting;

/// <summary>Gamma and binomial draws for the programme simulation (deterministic for a seeded generator).</summary>
internal static class RandomDraws
{
    /// <summary>Gamma(shape, rate) by Marsaglia and Tsang (2000); shapes below 1 through the U^(1/shape) boost.</summary>
    public static double Gamma(Random random, double shape, double rate)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1, rate) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal.Sample(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v / rate;
            }
        }
    }

    /// <summary>Binomial(n, p): by inverting the distribution when the mean is small, by the normal approximation otherwise.</summary>
    public static int Binomial(Random random, int n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (n * p < 40)
        {
            var u = random.NextDouble();
            var pmf = Math.Pow(1 - p, n);
            var cdf = pmf;
            var k = 0;
            while (u > cdf && k < n)
            {
                pmf *= (n - k) / (k + 1.0) * p / (1 - p);
                k++;
                cdf += pmf;
            }

            return k;
        }

        var draw = Math.Round((n * p) + (Math.Sqrt(n * p * (1 - p)) * StandardNormal.Sample(random)));
        return (int)Math.Clamp(draw, 0, n);
    }
}
