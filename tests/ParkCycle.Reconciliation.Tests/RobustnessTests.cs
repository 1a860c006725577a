namespace ParkCycle.Reconciliation.Tests;

/// <summary>Redundant, contradictory and unobservable constraints: answered, never a crash.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Compute_DuplicatedBalance_GivesTheSameAnswerAndNoExtraDegreeOfFreedom()
    {
        ReconciliationProblem Build(bool duplicate)
        {
            var p = new ReconciliationProblem();
            var a = p.AddMeasured("a", 100, 5);
            var b = p.AddMeasured("b", 60, 3);
            var c = p.AddMeasured("c", 30, 3);
            p.AddConstraint("node", [new(a, 1), new(b, -1), new(c, -1)]);
            if (duplicate)
            {
                p.AddConstraint("node-again", [new(a, 2), new(b, -2), new(c, -2)]);
            }

            return p;
        }

        var once = DataReconciler.Compute(Build(false));
        var twice = DataReconciler.Compute(Build(true));

        Assert.Equal(1, twice.GlobalTest.DegreesOfFreedom);
        Assert.Equal(once.GlobalTest.Statistic, twice.GlobalTest.Statistic, 1e-9);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(once.Measurements[k].Reconciled, twice.Measurements[k].Reconciled, 1e-9);
            Assert.Equal(once.Measurements[k].SigmaReconciled, twice.Measurements[k].SigmaReconciled, 1e-9);
        }
    }

    [Fact]
    public void Compute_ExactMeasurementsThatContradict_ReportsTheResidualInsteadOfThrowing()
    {
        var p = new ReconciliationProblem();
        var a = p.AddMeasured("a", 100, 0);
        var b = p.AddMeasured("b", 90, 0);
        p.AddConstraint("node", [new(a, 1), new(b, -1)]);

        var result = DataReconciler.Compute(p);

        Assert.Equal(0, result.GlobalTest.DegreesOfFreedom);
        Assert.Equal(10, result.Constraints[0].Reconciled!.Value, 1e-9);
        Assert.All(result.Measurements, m => Assert.Equal(m.Reported, m.Reconciled));
    }

    [Fact]
    public void Compute_TwoUnknownsInParallel_AreUnobservableAndTheRestStillReconciles()
    {
        var p = new ReconciliationProblem();
        var feed = p.AddMeasured("feed", 100, 2);
        var u1 = p.AddUnknown("u1");
        var u2 = p.AddUnknown("u2");
        var product = p.AddMeasured("product", 96, 2);
        var loss = p.AddUnknown("loss");
        p.AddUnknown("not-in-any-balance");
        // feed → (u1 ‖ u2) → node 2 → product + loss: the balances fix u1 + u2 and loss = feed − product, not u1 or u2.
        p.AddConstraint("n1", [new(feed, 1), new(u1, -1), new(u2, -1)]);
        p.AddConstraint("n2", [new(u1, 1), new(u2, 1), new(product, -1), new(loss, -1)]);

        var result = DataReconciler.Compute(p);

        Assert.Equal(["u1", "u2", "not-in-any-balance"], result.Unobservable);
        var estimate = Assert.Single(result.Estimated);
        Assert.Equal("loss", estimate.Id);
        Assert.Equal(4, estimate.Estimate, 1e-9);
        Assert.Equal(Math.Sqrt(8), estimate.Sigma, 1e-9);
        Assert.Equal(0, result.GlobalTest.DegreesOfFreedom);
        Assert.Equal(100, result.Measurements.Single(m => m.Id == "feed").Reconciled, 1e-9);
        Assert.Null(result.Constraints[0].Reconciled);
        Assert.Null(result.Constraints[1].Reported);
    }

    [Fact]
    public void Compute_UnknownLossDeterminedByTheBalance_IsEstimatedWithPropagatedSigma()
    {
        var p = new ReconciliationProblem();
        var feed = p.AddMeasured("feed", 100, 3);
        var product = p.AddMeasured("product", 96, 4);
        var loss = p.AddUnknown("loss");
        p.AddConstraint("n", [new(feed, 1), new(product, -1), new(loss, -1)]);

        var result = DataReconciler.Compute(p);

        var e = Assert.Single(result.Estimated);
        Assert.Equal(4, e.Estimate, 1e-9);
        Assert.Equal(5, e.Sigma, 1e-9); // √(3² + 4²)
        Assert.Equal(0, result.GlobalTest.DegreesOfFreedom);
        Assert.All(result.Measurements, m => Assert.False(m.Redundant));
    }

    [Fact]
    public void Compute_ConfidenceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataReconciler.Compute(new ReconciliationProblem(), new ReconciliationOptions { Confidence = 1 }));
    }
}
