using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>Every hostile value of <see cref="BoundaryCases"/> is refused with its exact error, and nothing is loaded.</summary>
public class BoundaryDatasetTests
{
    public static TheoryData<string> Cases => [.. BoundaryCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HostileValue_IsRefusedWithItsFieldAndLoadsNothing(string name)
    {
        var (breakIt, expected) = BoundaryCases.All[name];
        using var builder = new DatasetFolderBuilder();
        breakIt(builder);

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(expected, result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Theory]
    [InlineData("bm-conch", true)]
    [InlineData("f144", true)]
    [InlineData("HW08.a_b", true)]
    [InlineData("-leading-dash", false)]
    [InlineData("report:ut-chp-r1", true)]
    [InlineData("a?b", false)]
    [InlineData("名字", false)]
    [InlineData("", false)]
    public void Identifier_FollowsTheGrammar(string id, bool valid) => Assert.Equal(valid, Model.Identifier.IsValid(id));

    [Fact]
    public void Ranges_KeepAMillionFlowsSumFarFromOverflow()
    {
        // The sum the balance accumulates: a million flows at the bound, converted to the largest base factor (tce → GJ).
        var worst = PhysicalRanges.AnnualQuantity.Max * 29.3076m * 1_000_000m * 52m;
        Assert.True(worst < decimal.MaxValue / 1_000_000m);
    }
}
