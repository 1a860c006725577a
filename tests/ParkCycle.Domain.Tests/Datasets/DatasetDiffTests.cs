using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>The dataset diff on the builder's mini park, each revision made by hand so the expected ids are known.</summary>
public sealed class DatasetDiffTests
{
    private static ParkDataset Read(DatasetFolderBuilder builder) => DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

    [Fact]
    public void Between_SameDataset_IsEmpty()
    {
        using var a = new DatasetFolderBuilder();
        using var b = new DatasetFolderBuilder();

        var diff = DatasetDiff.Between(Read(a), Read(b));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Between_Revision_NamesAddedRemovedAndChangedIdsPerTable()
    {
        using var before = new DatasetFolderBuilder();
        using var after = new DatasetFolderBuilder()
            // e2 closes; e3 leaves; e4 arrives.
            .ReplaceLine("enterprises.csv", 3, "e2,乙厂,Plant B,z1,building-materials;other,3011,29.6,113.5,closed,,,false,")
            .ReplaceLine("enterprises.csv", 4, "e4,丁厂,Plant D,z1,other,,,,planned,,,,")
            // f1 revised from 100 t to 120 t; f3 dropped; f4 new.
            .ReplaceLine("flows.csv", 2, "f1,ext:import,e1,coal,120,t,existing,estimate")
            .ReplaceLine("flows.csv", 4, "f4,e2,ext:landfill,fly-ash,3,t,existing,estimate")
            .ReplaceLine("materials.csv", 2, "m-heat,余热,waste heat,waste-heat,GJ,150,")
            .ReplaceLine("materials.csv", 3, "m-y,另一副产物,,byproduct,t,,");

        var diff = DatasetDiff.Between(Read(before), Read(after));

        Assert.Equal(["e4"], diff.Enterprises.Added);
        Assert.Equal(["e3"], diff.Enterprises.Removed);
        Assert.Equal(["e2"], diff.Enterprises.Changed);
        Assert.Equal(["f4"], diff.Flows.Added);
        Assert.Equal(["f3"], diff.Flows.Removed);
        Assert.Equal(["f1"], diff.Flows.Changed);
        Assert.Equal(["m-y"], diff.Materials.Added);
        Assert.Equal(["m-x"], diff.Materials.Removed);
        Assert.Equal(["m-heat"], diff.Materials.Changed);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Between_SameValueWrittenWithOtherDigits_IsNoChange()
    {
        using var before = new DatasetFolderBuilder();
        using var after = new DatasetFolderBuilder().ReplaceLine("flows.csv", 3, "f2,e1,e2,fly-ash,1.5,t,existing,\"estimate, per \"\"typical\"\" ash ratio\"");

        var diff = DatasetDiff.Between(Read(before), Read(after));

        Assert.True(diff.Flows.IsEmpty);
    }

    [Fact]
    public void Between_IsSymmetric_AddedAndRemovedSwap()
    {
        using var before = new DatasetFolderBuilder();
        using var after = new DatasetFolderBuilder().AppendLine("flows.csv", "f9,e2,e1,fly-ash,2,t,existing,estimate");
        var (a, b) = (Read(before), Read(after));

        var forward = DatasetDiff.Between(a, b);
        var backward = DatasetDiff.Between(b, a);

        Assert.Equal(["f9"], forward.Flows.Added);
        Assert.Equal(forward.Flows.Added, backward.Flows.Removed);
        Assert.Empty(backward.Flows.Added);
    }
}
