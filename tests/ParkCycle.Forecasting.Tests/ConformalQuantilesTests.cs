namespace ParkCycle.Forecasting.Tests;

public class ConformalQuantilesTests
{
    [Fact]
    public void Of_NineteenScores_TakesTheSecondAndEighteenthOrderStatistics()
    {
        // n = 19: ⌊20 × 0.1⌋ = 2nd and ⌈20 × 0.9⌉ = 18th smallest (scores given shuffled).
        var scores = Enumerable.Range(1, 19).Select(i => (double)((i * 7) % 19) + 1);

        Assert.Equal((2.0, 18.0), ConformalQuantiles.Of(scores));
    }

    [Fact]
    public void Of_FewScores_ClampsToTheSample()
    {
        // n = 3: ⌊0.4⌋ = 0 → the smallest; ⌈3.6⌉ = 4 → the largest.
        Assert.Equal((-1.0, 5.0), ConformalQuantiles.Of([5, -1, 2]));
    }

    [Fact]
    public void Of_NoScores_Throws() =>
        Assert.Throws<ArgumentException>(() => ConformalQuantiles.Of([]));
}
