namespace ParkCycle.Reconciliation.Tests;

/// <summary>
/// Published textbook cases, with the expected values worked out in closed form here (not copied from the
/// program's output).
/// </summary>
public sealed class TextbookTests
{
    private const double Tolerance = 1e-6;

    // STAN's own check (STAN online help, "Data Reconciliation"; the method in Cencic and Rechberger 2008,
    // "Material flow analysis with software STAN", J. Environ. Eng. Manage. 18(1):3–7): one process that holds
    // no stock, an import and an export that disagree. With one constraint imp − exp = 0 and residual
    // r = imp − exp, least squares moves each flow by its share of the variance: Δimp = −σi²·r/(σi²+σe²),
    // Δexp = +σe²·r/(σi²+σe²); the reconciled variance is σ² − σ⁴/(σi²+σe²) and χ² = r²/(σi²+σe²) on 1 dof.
    [Theory]
    [InlineData(100, 5, 90, 5)]   // equal absolute uncertainty: both move by 5 (the help page's case)
    [InlineData(100, 2, 90, 4)]   // the export, more uncertain, moves more
    [InlineData(100, 0, 90, 5)]   // only the export is uncertain: it takes the whole correction
    public void StanOneProcess_ImportAndExportDisagree_MovesEachByItsVarianceShare(double imp, double si, double exp, double se)
    {
        var p = new ReconciliationProblem();
        var i = p.AddMeasured("import", imp, si);
        var e = p.AddMeasured("export", exp, se);
        p.AddConstraint("process-1", [new(i, 1), new(e, -1)]);

        var result = DataReconciler.Compute(p);

        var total = (si * si) + (se * se);
        var r = imp - exp;
        var mi = result.Measurements.Single(m => m.Id == "import");
        var me = result.Measurements.Single(m => m.Id == "export");
        Assert.Equal(imp - (si * si * r / total), mi.Reconciled, Tolerance);
        Assert.Equal(exp + (se * se * r / total), me.Reconciled, Tolerance);
        Assert.Equal(mi.Reconciled, me.Reconciled, Tolerance);
        Assert.Equal(Math.Sqrt(Math.Max(0, (si * si) - (si * si * si * si / total))), mi.SigmaReconciled, Tolerance);
        Assert.Equal(Math.Sqrt((se * se) - (se * se * se * se / total)), me.SigmaReconciled, Tolerance);
        Assert.Equal(r * r / total, result.GlobalTest.Statistic, Tolerance);
        Assert.Equal(1, result.GlobalTest.DegreesOfFreedom);
        // P(χ²₁ > s) = erfc(√(s/2)).
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(r * r / total / 2)), result.GlobalTest.PValue, Tolerance);
        Assert.Equal(Math.Abs(r) / Math.Sqrt(total), me.Test, Tolerance);
    }

    // STAN's gross-error case: "one zero too much" in the import (1000 for 100). The global test fails, and
    // with one constraint both flows carry the same standardised adjustment |r|/√(σi²+σe²) = 910/√50.
    [Fact]
    public void StanOneProcess_OneZeroTooMany_FailsTheGlobalTestAndFlagsTheFlows()
    {
        var p = new ReconciliationProblem();
        var i = p.AddMeasured("import", 1000, 5);
        var e = p.AddMeasured("export", 90, 5);
        p.AddConstraint("process-1", [new(i, 1), new(e, -1)]);

        var result = DataReconciler.Compute(p);

        Assert.False(result.GlobalTest.Passed);
        Assert.Equal(910 * 910 / 50.0, result.GlobalTest.Statistic, Tolerance);
        Assert.All(result.Measurements, m => Assert.Equal(910 / Math.Sqrt(50), m.Test, Tolerance));
        Assert.All(result.Measurements, m => Assert.True(m.Flagged));
        Assert.Equal(1.959963984540054, result.CriticalValue, 1e-9);
    }

    // Narasimhan and Jordache (1999), "Data Reconciliation and Gross Error Detection", Gulf Publishing,
    // chapter 1: a heat exchanger with a bypass. Six flows, four nodes: splitter F1 = F2 + F3, exchanger
    // F2 = F4, bypass valve F3 = F5, mixer F4 + F5 = F6; measured 101.91, 64.45, 34.65, 64.20, 36.44, 98.88
    // with equal variances; the book gives the reconciled flows 100.22, 64.50, 35.72 (to two decimals).
    //
    // Closed form: the balances say F1 = F6 = a, F2 = F4 = b, F3 = F5 = c with a = b + c. With equal
    // weights the pairs' means ā, b̄, c̄ carry the data, and the one remaining condition a = b + c moves each
    // mean by a third of d = ā − b̄ − c̄: a = ā − d/3, b = b̄ + d/3, c = c̄ + d/3.
    private static readonly double[] Measured = [101.91, 64.45, 34.65, 64.20, 36.44, 98.88];

    private static ReconciliationProblem HeatExchangerWithBypass(double[] values, double sigma, bool bypassUnmeasured = false)
    {
        var p = new ReconciliationProblem();
        var f = new int[6];
        for (var k = 0; k < 6; k++)
        {
            f[k] = bypassUnmeasured && (k == 2 || k == 4) ? p.AddUnknown($"F{k + 1}") : p.AddMeasured($"F{k + 1}", values[k], sigma);
        }

        p.AddConstraint("splitter", [new(f[0], 1), new(f[1], -1), new(f[2], -1)]);
        p.AddConstraint("exchanger", [new(f[1], 1), new(f[3], -1)]);
        p.AddConstraint("valve", [new(f[2], 1), new(f[4], -1)]);
        p.AddConstraint("mixer", [new(f[3], 1), new(f[4], 1), new(f[5], -1)]);
        return p;
    }

    [Fact]
    public void NarasimhanJordacheHeatExchanger_AllMeasured_MatchesClosedFormAndTheBook()
    {
        var result = DataReconciler.Compute(HeatExchangerWithBypass(Measured, 1.0));

        var (a, b, c) = ClosedForm(Measured);
        double[] expected = [a, b, c, b, c, a];
        var reconciled = result.Measurements.Select(m => m.Reconciled).ToArray();
        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(expected[k], reconciled[k], Tolerance);
        }

        // The book's printed values, to its two decimals.
        Assert.Equal(100.22, Math.Round(reconciled[0], 2));
        Assert.Equal(64.50, Math.Round(reconciled[1], 2));
        Assert.Equal(35.72, Math.Round(reconciled[2], 2));
        Assert.Equal(4, result.GlobalTest.DegreesOfFreedom);
        var chi2 = Measured.Zip(expected, (x, e) => (x - e) * (x - e)).Sum();
        Assert.Equal(chi2, result.GlobalTest.Statistic, Tolerance);
        Assert.True(result.GlobalTest.Passed);
        // a = (2/3)ā + (b̄ + c̄)/3 with var(ā) = σ²/2: var(a) = (4/9)(1/2) + (1/9)(1/2 + 1/2) = 1/3, and alike for b and c;
        // each adjustment then has variance σ² − σ²/3 = 2/3 (σ = 1), so its test is |x − x̂| / √(2/3).
        Assert.All(result.Measurements, m => Assert.Equal(1 / Math.Sqrt(3), m.SigmaReconciled, Tolerance));
        Assert.All(result.Measurements, m => Assert.Equal(Math.Abs(m.Reported - m.Reconciled) / Math.Sqrt(2.0 / 3), m.Test, Tolerance));
    }

    [Fact]
    public void NarasimhanJordacheHeatExchanger_GrossErrorInFeed_FailsGlobalTestAndFlagsTheFeedMost()
    {
        var biased = (double[])Measured.Clone();
        biased[0] += 10; // a bias of 10 σ on the feed meter

        var result = DataReconciler.Compute(HeatExchangerWithBypass(biased, 1.0));

        var (a, b, c) = ClosedForm(biased);
        Assert.Equal(a, result.Measurements[0].Reconciled, Tolerance);
        Assert.Equal(b, result.Measurements[1].Reconciled, Tolerance);
        Assert.Equal(c, result.Measurements[2].Reconciled, Tolerance);
        Assert.False(result.GlobalTest.Passed);
        var worst = result.Measurements.MaxBy(m => m.Test)!;
        Assert.Equal("F1", worst.Id);
        Assert.True(worst.Flagged);
    }

    // The same network with the bypass (F3, F5) unmetered. Projecting F3 and F5 out leaves F1 = F6 and
    // F2 = F4: a = ā, b = b̄ (2 degrees of freedom), and the bypass is estimated as c = ā − b̄ with
    // variance var(ā) + var(b̄) = σ²/2 + σ²/2 = σ².
    [Fact]
    public void NarasimhanJordacheHeatExchanger_BypassUnmeasured_EstimatesItFromTheBalances()
    {
        const double sigma = 1.5;
        var result = DataReconciler.Compute(HeatExchangerWithBypass(Measured, sigma, bypassUnmeasured: true));

        var aBar = (Measured[0] + Measured[5]) / 2;
        var bBar = (Measured[1] + Measured[3]) / 2;
        Assert.Equal(2, result.GlobalTest.DegreesOfFreedom);
        Assert.Equal(aBar, result.Measurements.Single(m => m.Id == "F1").Reconciled, Tolerance);
        Assert.Equal(aBar, result.Measurements.Single(m => m.Id == "F6").Reconciled, Tolerance);
        Assert.Equal(bBar, result.Measurements.Single(m => m.Id == "F2").Reconciled, Tolerance);
        Assert.Equal(sigma / Math.Sqrt(2), result.Measurements.Single(m => m.Id == "F1").SigmaReconciled, Tolerance);
        Assert.Equal(["F3", "F5"], result.Estimated.Select(e => e.Id));
        Assert.All(result.Estimated, e => Assert.Equal(aBar - bBar, e.Estimate, Tolerance));
        Assert.All(result.Estimated, e => Assert.Equal(sigma, e.Sigma, Tolerance));
        Assert.Empty(result.Unobservable);
        var chi2 = (Math.Pow(Measured[0] - Measured[5], 2) + Math.Pow(Measured[1] - Measured[3], 2)) / 2 / (sigma * sigma);
        Assert.Equal(chi2, result.GlobalTest.Statistic, Tolerance);
    }

    private static (double A, double B, double C) ClosedForm(double[] x)
    {
        var aBar = (x[0] + x[5]) / 2;
        var bBar = (x[1] + x[3]) / 2;
        var cBar = (x[2] + x[4]) / 2;
        var d = aBar - bBar - cBar;
        return (aBar - (d / 3), bBar + (d / 3), cBar + (d / 3));
    }
}
