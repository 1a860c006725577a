using static ParkCycle.HeatIntegration.Tests.StreamBuilder;

namespace ParkCycle.HeatIntegration.Tests;

/// <summary>Proposed exchanges against the 4SP1 pinch (85 °C shifted: 90 °C hot side, 80 °C cold side).</summary>
public class PinchCheckTests
{
    private static readonly PinchTargets FourStream = ProblemTable.Compute(
        [Cold("1", 20, 135, 2.0m), Hot("2", 170, 60, 3.0m), Cold("3", 80, 140, 4.0m), Hot("4", 150, 30, 1.5m)]);

    [Theory]
    [InlineData(160, 40, PinchCrossing.CrossesPinch)] // 155 shifted above 85, sink 45 below
    [InlineData(160, 100, PinchCrossing.DoesNotCross)] // both above
    [InlineData(85, 30, PinchCrossing.DoesNotCross)] // source 80 shifted, below the pinch
    [InlineData(90, 40, PinchCrossing.DoesNotCross)] // source exactly at the pinch (85 shifted)
    [InlineData(100, 95, PinchCrossing.BelowApproach)] // 95 shifted < 100 shifted
    public void Classify_SourceAndSink_AgainstThePinch(int source, int sink, PinchCrossing expected)
    {
        var check = PinchCheck.Classify(FourStream, new ProposedHeatExchange("x", "a", "b", "m-heat", source, sink));

        Assert.Equal(expected, check.Crossing);
    }

    [Fact]
    public void Classify_UnknownSinkAbovePinch_IsUnknown() =>
        Assert.Equal(PinchCrossing.Unknown, PinchCheck.Classify(FourStream, new ProposedHeatExchange("x", "a", "b", null, 150, null)).Crossing);

    [Fact]
    public void Classify_ThresholdProblem_HasNoPinch()
    {
        var threshold = ProblemTable.Compute([Hot("h", 150, 50, 1), Cold("c", 40, 140, 2)]);

        Assert.Equal(PinchCrossing.NoPinch, PinchCheck.Classify(threshold, new ProposedHeatExchange("x", "a", "b", null, 150, 40)).Crossing);
    }
}
