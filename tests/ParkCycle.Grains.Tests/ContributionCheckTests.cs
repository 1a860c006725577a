using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

/// <summary>The park re-checks only what changed since an enterprise's last admitted contribution, and always what did.</summary>
public sealed class ContributionCheckTests
{
    private static OpenPosition Offer(string id, decimal quantity, string material = "fly-ash") =>
        new(id, "e1", material, quantity, 29.5m, 113.4m, new DateOnly(2030, 1, 1));

    [Fact]
    public void AChangedOrNewPosition_IsChecked_AnUnchangedOneIsNot()
    {
        var profile = Enterprise("p", "e1");
        var good = Offer("e1-r1", 100m);
        var admitted = new EnterpriseContribution(profile, [], [good], []);
        Assert.Empty(ContributionCheck.Problems(admitted, CatalogReader.Default));

        var bad = Offer("e1-r2", 100m, "no-such-material");
        var next = admitted with { Offers = [good, bad] };
        var replaced = admitted with { Offers = [Offer("e1-r1", decimal.MaxValue)] };

        Assert.Contains(ContributionCheck.Problems(next, CatalogReader.Default, admitted), r => r.StartsWith("report e1-r2: unknown material", StringComparison.Ordinal));
        Assert.Contains(ContributionCheck.Problems(replaced, CatalogReader.Default, admitted), r => r.StartsWith("report e1-r1 annual quantity", StringComparison.Ordinal));
    }

    [Fact]
    public void AChangedProfile_IsChecked_EvenWhenThePositionsAreTheSame()
    {
        var admitted = new EnterpriseContribution(Enterprise("p", "e1"), [], [Offer("e1-r1", 100m)], []);
        var moved = admitted with { Profile = Enterprise("p", "e1") with { Latitude = 1000m } };

        Assert.Contains(ContributionCheck.Problems(moved, CatalogReader.Default, admitted), r => r.StartsWith("profile latitude", StringComparison.Ordinal));
    }
}
