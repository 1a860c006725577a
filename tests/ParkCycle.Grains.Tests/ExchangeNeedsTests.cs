using ParkCycle.Grains.Abstractions;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// An offer is matched against the copy its exchange keeps of the needs it could serve; these tests prove the copy
/// follows every change of those needs, whatever order offers and needs arrive in and across a restart of the
/// exchange that holds the needs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExchangeNeedsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task NeedReportedAfterTheOfferExchangeReadItsCopy_IsMatched_AndItsWithdrawalIsToo()
    {
        var (_, supplier, consumer) = await TwoEnterprisesAsync(Grains);
        var offers = Grains.GetGrain<IEnterpriseGrain>(supplier);
        // The fly-ash exchange reads the clay needs now (none), so what follows can only reach it as a change.
        Assert.Empty((await offers.ReportByproductAsync(FlyAsh(1200), Key())).Matches);

        var need = await Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(500), Key());
        var second = await offers.ReportByproductAsync(FlyAsh(800), Key());
        await Grains.GetGrain<IEnterpriseGrain>(consumer).WithdrawReportAsync(need.ReportId!, Key());
        var third = await offers.ReportByproductAsync(FlyAsh(600), Key());

        Assert.Contains(second.Matches, m => m.Consumer == consumer && m.ReplacedMaterial == "clay");
        Assert.DoesNotContain(third.Matches, m => m.Consumer == consumer);
    }

    [Fact]
    public async Task NeedsExchangeRestarted_ItsNextChangeStillReachesTheOffers()
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(Grains);
        var offers = Grains.GetGrain<IEnterpriseGrain>(supplier);
        var needs = Grains.GetGrain<IEnterpriseGrain>(consumer);
        await needs.ReportNeedAsync(Clay(500), Key());
        Assert.Contains((await offers.ReportByproductAsync(FlyAsh(1200), Key())).Matches, m => m.Consumer == consumer);

        // The exchanges start again (the clay one counts its changes from zero in a new epoch): changes still reach the offers.
        var clay = Grains.GetGrain<IMaterialExchangeGrain>($"{park}/clay");
        var before = await clay.GetNeedsSnapshotAsync();
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var restarted = await clay.GetNeedsSnapshotAsync();
        var second = await needs.ReportNeedAsync(Clay(300), Key());
        var offer = await offers.ReportByproductAsync(FlyAsh(900), Key());

        Assert.Equal(2, (await clay.GetNeedsSnapshotAsync()).Needs.Count);
        Assert.Contains(offer.Matches, m => m.NeedReportId == second.ReportId);
        Assert.NotEqual(before.Epoch, restarted.Epoch);
        Assert.Equal((1L, 0L), (before.Version, restarted.Version));
    }

    [Fact]
    public void ANewerList_SupersedesAnOlderOne_AndAnyListOfAnotherActivationIsTaken()
    {
        var first = new ExchangeNeeds(Guid.NewGuid(), 3, []);

        Assert.True(first.Supersedes(null));
        Assert.True((first with { Version = 4 }).Supersedes(first));
        Assert.False((first with { Version = 2 }).Supersedes(first));
        Assert.False(first.Supersedes(first));
        Assert.True(new ExchangeNeeds(Guid.NewGuid(), 0, []).Supersedes(first));
    }
}
