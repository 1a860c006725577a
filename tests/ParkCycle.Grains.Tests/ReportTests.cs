using ParkCycle.Domain.Model;
using System.Text.Json;
using ParkCycle.Grains.Abstractions;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReportTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    /// <summary>Runs a test that moves the clock on a cluster of its own: the shared cluster's clock never moves.</summary>
    private static async Task OnOwnClockAsync(Func<ClusterFixture, Task> test)
    {
        var own = new ClusterFixture();
        await own.InitializeAsync();
        try
        {
            await test(own);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task Report_AdvancesTheSnapshot_AnalysisSeesIt_AndTheExchangeProposesTheMatch()
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(Grains);
        var before = await Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync();

        var need = await Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(500), Key());
        var offer = await Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(1200), Key());

        Assert.True(need.Accepted && offer.Accepted);
        // Fly ash replaces clay 1:1 by the brick rule, up to its blending cap of 70 % of the body: 350 t of the 500 t needed.
        var match = Assert.Single(offer.Matches);
        Assert.Equal((supplier, consumer, "fly-ash", "clay", (decimal?)350m, "fly-ash-bricks"), (match.Supplier, match.Consumer, match.SourceMaterial, match.ReplacedMaterial, match.Quantity, match.RuleId));
        var after = await Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync();
        Assert.True(after.Version >= before.Version + 2);
        var analysis = await Grains.GetGrain<IParkGrain>(park).GetAnalysisAsync(after.Version);
        Assert.True(analysis.Version >= after.Version);
        using var report = JsonDocument.Parse(analysis.ReportJson);
        Assert.Contains(report.RootElement.GetProperty("opportunities").EnumerateArray(),
            o => o.GetProperty("supplier").GetString() == supplier && o.GetProperty("consumer").GetString() == consumer && o.GetProperty("source_material").GetString() == "fly-ash");
    }

    [Fact]
    public async Task AdministrationOnlyOffer_IsInTheAnalysis_ButNoEnterpriseIsMatchedToIt()
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(Grains);
        var hidden = FlyAsh(1200) with { Visibility = OfferVisibility.AdministrationOnly };

        var offer = await Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(hidden, Key());
        var need = await Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(500), Key());

        Assert.True(offer.Accepted && need.Accepted);
        Assert.Empty(offer.Matches);
        Assert.Empty(need.Matches);
        Assert.Empty(await Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());
        // The administration's analysis still counts it.
        var version = (await Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync()).Version;
        using var report = JsonDocument.Parse((await Grains.GetGrain<IParkGrain>(park).GetAnalysisAsync(version)).ReportJson);
        Assert.Contains(report.RootElement.GetProperty("opportunities").EnumerateArray(),
            o => o.GetProperty("supplier").GetString() == supplier && o.GetProperty("source_material").GetString() == "fly-ash");
    }

    [Fact]
    public async Task OfferCorrectedToAdministrationOnly_LeavesTheExchange()
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(Grains);
        var grain = Grains.GetGrain<IEnterpriseGrain>(supplier);
        var first = await grain.ReportByproductAsync(FlyAsh(1200), Key());
        Assert.Single(await Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());

        await grain.CorrectByproductAsync(first.ReportId!, FlyAsh(1200) with { Visibility = OfferVisibility.AdministrationOnly }, Key());

        Assert.Empty(await Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());
        Assert.Empty((await Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(500), Key())).Matches);
    }

    [Fact]
    public async Task Retry_WithTheSameIdempotencyKey_NeverDoublesAReport()
    {
        var (_, supplier, _) = await TwoEnterprisesAsync(Grains);
        var grain = Grains.GetGrain<IEnterpriseGrain>(supplier);
        var key = Key("retry-1");

        var first = await grain.ReportByproductAsync(FlyAsh(), key);
        var second = await grain.ReportByproductAsync(FlyAsh(), key);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.ReportId, second.ReportId);
        Assert.Single(await grain.GetReportsAsync(includeHistory: true));
    }

    [Fact]
    public async Task BadReport_NamesEachFieldAndChangesNothing()
    {
        var (park, supplier, _) = await TwoEnterprisesAsync(Grains);
        var grain = Grains.GetGrain<IEnterpriseGrain>(supplier);
        var version = (await Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync()).Version;
        var bad = FlyAsh(-3, "GJ") with { AvailableTo = new DateOnly(2025, 1, 1), MaterialId = "fly-ash" };

        var outcome = await grain.ReportByproductAsync(bad, Key());

        Assert.False(outcome.Accepted);
        Assert.Equal(
            [("quantity", "-3 must be greater than zero"), ("unit", "unit 'GJ' does not match fly-ash, which is measured in t ('GJ' needs lhv_gj_per_unit)"), ("available_to", "the window must end after it starts (2025-06-01)")],
            outcome.Errors.Select(e => (e.Field, e.Reason)).ToArray());
        Assert.Empty(await grain.GetReportsAsync(includeHistory: true));
        Assert.Equal(version, (await Grains.GetGrain<IParkGrain>(park).GetSnapshotInfoAsync()).Version);
        var unknown = await grain.ReportByproductAsync(FlyAsh() with { MaterialId = "moon-dust" }, Key());
        Assert.Equal(("material", "unknown material 'moon-dust'"), (unknown.Errors[0].Field, unknown.Errors[0].Reason));
        var stranger = await Grains.GetGrain<IEnterpriseGrain>($"{park}-nobody").ReportByproductAsync(FlyAsh(), Key());
        Assert.Equal("enterprise", stranger.Errors.Single().Field);
    }

    [Fact]
    public async Task Correction_IsANewVersion_HistoryKeepsTheOld()
    {
        var (_, supplier, _) = await TwoEnterprisesAsync(Grains);
        var grain = Grains.GetGrain<IEnterpriseGrain>(supplier);
        var first = await grain.ReportByproductAsync(FlyAsh(1200), Key());

        var corrected = await grain.CorrectByproductAsync(first.ReportId!, FlyAsh(900), Key());

        Assert.Equal((first.ReportId, 2), (corrected.ReportId, corrected.Version));
        var history = await grain.GetReportsAsync(includeHistory: true);
        Assert.Equal([1200m, 900m], history.Select(h => h.Offer!.Quantity).ToArray());
        Assert.Equal(900m, (await grain.GetReportsAsync()).Single().Offer!.Quantity);
        Assert.All(history, h => Assert.Equal("test-user", h.Reporter));
    }

    [Fact]
    public async Task ManyEnterprises_ReportingConcurrently_AllLandExactlyOnce()
    {
        var park = NewPark();
        await Grains.GetGrain<IParkGrain>(park).SetupAsync(new ParkSetup(park, park, 2025, []));
        var ids = Enumerable.Range(0, 40).Select(i => $"{park}-e{i}").ToList();
        await Task.WhenAll(ids.Select(id => Grains.GetGrain<IEnterpriseGrain>(id).RegisterAsync(Enterprise(park, id), [])));

        var outcomes = await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, 5).Select(k =>
            Grains.GetGrain<IEnterpriseGrain>(id).ReportByproductAsync(FlyAsh(100 + k), Key($"{id}-{k}")))));

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        var counts = await Task.WhenAll(ids.Select(id => Grains.GetGrain<IEnterpriseGrain>(id).GetReportsAsync(true)));
        Assert.All(counts, c => Assert.Equal(5, c.Count));
        Assert.Equal(40, (await Grains.GetGrain<IParkGrain>(park).GetMembersAsync()).Count);
        var exchange = await Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync();
        Assert.Equal(200, exchange.Count);
    }

    [Fact]
    public async Task ExpiredAvailability_StopsBeingOffered()
    {
        await OnOwnClockAsync(async own =>
        {
            var (park, supplier, consumer) = await TwoEnterprisesAsync(own.Grains);
            var shortWindow = FlyAsh() with { AvailableTo = new DateOnly(2025, 7, 1) };
            await own.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(shortWindow, Key());
            Assert.Single(await own.Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());

            own.Clock.Advance(TimeSpan.FromDays(45));
            var expired = await own.Grains.GetGrain<IEnterpriseGrain>(supplier).ExpireAsync();

            Assert.Equal(1, expired);
            Assert.Empty(await own.Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());
            Assert.Empty((await own.Grains.GetGrain<IEnterpriseGrain>(supplier).GetContributionAsync())!.Offers);
            var later = await own.Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay() with { NeededBy = new DateOnly(2026, 3, 1) }, Key());
            Assert.Empty(later.Matches);
        });
    }

    [Fact]
    public async Task ExpiredAvailability_IsNotMatched_EvenBeforeTheDailySweep()
    {
        await OnOwnClockAsync(async own =>
        {
            var (park, supplier, consumer) = await TwoEnterprisesAsync(own.Grains);
            var today = DateOnly.FromDateTime(own.Clock.GetUtcNow().UtcDateTime);
            await own.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh() with { AvailableFrom = today, AvailableTo = today.AddDays(3) }, Key());
            var during = await own.Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay() with { NeededBy = today.AddYears(1) }, Key());

            own.Clock.Advance(TimeSpan.FromDays(5)); // no ExpireAsync: the reminder has not fired yet
            var after = await own.Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay() with { NeededBy = today.AddYears(1) }, Key());

            Assert.Contains(during.Matches, m => m.Supplier == supplier);
            Assert.DoesNotContain(after.Matches, m => m.Supplier == supplier);
            Assert.Empty(await own.Grains.GetGrain<IMaterialExchangeGrain>($"{park}/fly-ash").GetOffersAsync());
        });
    }

    [Fact]
    public async Task RetrofitProgress_IsValidatedLikeProgressCsv()
    {
        var project = Grains.GetGrain<IRetrofitProjectGrain>($"proj-{Guid.NewGuid():N}");
        await project.RegisterAsync(new ProjectInfo("p", "e", ProjectType.EnergySaving, new DateOnly(2024, 1, 1), null, ProjectStatus.InProgress, null, []));

        Assert.Empty(await project.ReportProgressAsync(new ProgressUpdate(new DateOnly(2024, 6, 1), 50, null)));
        var falling = await project.ReportProgressAsync(new ProgressUpdate(new DateOnly(2024, 7, 1), 40, null));
        var tooMuch = await project.ReportProgressAsync(new ProgressUpdate(new DateOnly(2024, 8, 1), 140, null));
        Assert.Empty(await project.ReportProgressAsync(new ProgressUpdate(new DateOnly(2024, 9, 1), 100, null)));

        Assert.Equal("percent_complete", falling.Single().Field);
        Assert.Equal("140 is over 100", tooMuch.Single().Reason); // the one rule progress.csv also uses
        var info = await project.GetAsync();
        Assert.Equal((ProjectStatus.Completed, (DateOnly?)new DateOnly(2024, 9, 1), 2), (info!.Status, info.CompletedOn, info.Progress.Count));
    }
}
