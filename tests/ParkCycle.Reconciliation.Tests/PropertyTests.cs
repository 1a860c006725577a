using MathNet.Numerics.LinearAlgebra;

namespace ParkCycle.Reconciliation.Tests;

/// <summary>Invariants over many generated networks, and agreement with the full KKT system solved directly.</summary>
public sealed class PropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    /// <summary>
    /// A random network: nodes 0..n−1 each balanced, every node fed from outside (so the balances are
    /// independent), random internal flows and exits, and a share of the flows unknown.
    /// </summary>
    private static (ReconciliationProblem Problem, List<(int From, int To)> Edges) Network(int seed, double unknownShare)
    {
        var random = new Random(seed);
        var n = random.Next(2, 12);
        var edges = new List<(int From, int To)>();
        for (var v = 0; v < n; v++)
        {
            edges.Add((-1, v));
            edges.Add((v, -1));
        }

        var internalFlows = random.Next(0, 3 * n);
        for (var k = 0; k < internalFlows; k++)
        {
            var a = random.Next(n);
            var b = random.Next(n);
            if (a != b)
            {
                edges.Add((a, b));
            }
        }

        var p = new ReconciliationProblem();
        var vars = new List<int>();
        foreach (var (from, to) in edges)
        {
            var id = $"f{vars.Count}";
            // Imports stay measured so every node keeps some information.
            vars.Add(from >= 0 && random.NextDouble() < unknownShare
                ? p.AddUnknown(id)
                : p.AddMeasured(id, 10 + (random.NextDouble() * 990), 0.5 + (random.NextDouble() * 50)));
        }

        for (var v = 0; v < n; v++)
        {
            var terms = new List<ConstraintTerm>();
            for (var k = 0; k < edges.Count; k++)
            {
                if (edges[k].To == v)
                {
                    terms.Add(new(vars[k], 1));
                }

                if (edges[k].From == v)
                {
                    terms.Add(new(vars[k], -1));
                }
            }

            p.AddConstraint($"n{v}", terms);
        }

        return (p, edges);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reconcile_RandomNetwork_SatisfiesEveryBalanceAndNeverWidensAnUncertainty(int seed)
    {
        var (p, _) = Network(seed, unknownShare: 0.2);

        var result = DataReconciler.Compute(p);

        var value = new Dictionary<int, double>();
        foreach (var m in result.Measurements)
        {
            value[m.Variable] = m.Reconciled;
            Assert.True(m.SigmaReconciled <= m.SigmaReported * (1 + 1e-12), $"{m.Id}: {m.SigmaReconciled} > {m.SigmaReported}");
        }

        foreach (var e in result.Estimated)
        {
            value[e.Variable] = e.Estimate;
        }

        var unobservable = result.Unobservable.ToHashSet();
        foreach (var c in p.Constraints)
        {
            if (c.Terms.Any(t => unobservable.Contains(p.Variables[t.Variable].Id)))
            {
                continue;
            }

            var sum = c.Terms.Sum(t => t.Coefficient * value[t.Variable]);
            var scale = c.Terms.Sum(t => Math.Abs(t.Coefficient * value[t.Variable]));
            Assert.True(Math.Abs(sum) <= 1e-9 * scale, $"{c.Id}: residual {sum} of {scale}");
        }

        Assert.InRange(result.GlobalTest.PValue, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reconcile_RandomFullyMeasuredNetwork_AgreesWithTheKktSystem(int seed)
    {
        var (p, _) = Network(seed, unknownShare: 0);
        var n = p.Variables.Count;
        var m = p.Constraints.Count;

        // [Σ⁻¹ Aᵀ; A 0] [x̂; λ] = [Σ⁻¹x; 0]: the first-order conditions of min (x̂−x)ᵀΣ⁻¹(x̂−x) s.t. Ax̂ = 0.
        var kkt = Matrix<double>.Build.Dense(n + m, n + m);
        var rhs = Vector<double>.Build.Dense(n + m);
        for (var i = 0; i < n; i++)
        {
            var v = p.Variables[i];
            kkt[i, i] = 1 / (v.Sigma * v.Sigma);
            rhs[i] = v.Value!.Value / (v.Sigma * v.Sigma);
        }

        for (var r = 0; r < m; r++)
        {
            foreach (var t in p.Constraints[r].Terms)
            {
                kkt[n + r, t.Variable] = t.Coefficient;
                kkt[t.Variable, n + r] = t.Coefficient;
            }
        }

        var solution = kkt.Solve(rhs);
        // The covariance of x̂ is the top-left block of the KKT matrix's inverse.
        var inverse = kkt.Inverse();

        var result = DataReconciler.Compute(p);

        Assert.Equal(m, result.GlobalTest.DegreesOfFreedom);
        foreach (var meas in result.Measurements)
        {
            Assert.Equal(solution[meas.Variable], meas.Reconciled, 1e-6 * Math.Max(1, Math.Abs(solution[meas.Variable])));
            Assert.Equal(Math.Sqrt(inverse[meas.Variable, meas.Variable]), meas.SigmaReconciled, 1e-6 * meas.SigmaReported);
        }

        var chi2 = p.Variables.Select((v, i) => Math.Pow(v.Value!.Value - solution[i], 2) / (v.Sigma * v.Sigma)).Sum();
        Assert.Equal(chi2, result.GlobalTest.Statistic, 1e-6 * Math.Max(1, chi2));
    }
}
