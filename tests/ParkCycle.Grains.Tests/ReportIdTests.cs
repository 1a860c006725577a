using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Tests;

public sealed class ReportIdTests
{
    [Theory]
    [InlineData("bm-conch-r12", "bm-conch", 12)]
    [InlineData("gc-r-and-d-r3", "gc-r-and-d", 3)] // an enterprise id may itself contain "-r"
    public void AnIdReadsBackAsItsEnterpriseAndNumber(string text, string enterprise, int number)
    {
        Assert.True(ReportId.TryParse(text, out var id));
        Assert.Equal(new ReportId(enterprise, number), id);
        Assert.Equal(text, id.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bm-conch")]
    [InlineData("-r1")]
    [InlineData("bm-conch-r0")]
    [InlineData("bm-conch-r-1")]
    [InlineData("bm-conch-rx")]
    [InlineData("flow:f1")]
    public void AnythingElseIsNotAReportId(string? text) => Assert.False(ReportId.TryParse(text, out _));
}
