using ParkCycle.Domain.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Storage;
using static ParkCycle.Grains.Tests.Builders;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// No number can disable the park: out-of-range reports are refused before anything is stored, and hostile state
/// written behind the API's back is quarantined on start-up instead of stopping the park.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QuarantineTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("79228162514264337593543950335", ReportPeriod.Year)]
    [InlineData("79228162514264337593543950335", ReportPeriod.Week)]
    [InlineData("10000000000", ReportPeriod.Week)] // inside the per-period bound, 52 times past the annual one
    [InlineData("10000000001", ReportPeriod.Year)]
    public async Task HugeQuantity_IsRefusedNamingQuantity_AndStoresNothing(string quantity, ReportPeriod period)
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(fixture.Grains);
        var value = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var offer = await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(value) with { Period = period }, Key());
        var need = await fixture.Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(value) with { Period = period }, Key());

        Assert.False(offer.Accepted);
        Assert.False(need.Accepted);
        Assert.Equal(["quantity"], offer.Errors.Select(e => e.Field));
        Assert.Equal(["quantity"], need.Errors.Select(e => e.Field));
        Assert.Empty(await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).GetReportsAsync(true));
        Assert.Empty(await fixture.Grains.GetGrain<IEnterpriseGrain>(consumer).GetReportsAsync(true));
        Assert.Equal(0, (await fixture.Grains.GetGrain<IParkGrain>(park).GetAnalysisAsync()).Loops); // still analyses
    }

    [Fact]
    public async Task HugePrice_AndOverlongNotes_AreRefusedNamingTheirFields()
    {
        var (_, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);

        var outcome = await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(
            FlyAsh() with { PriceCnyPerUnit = decimal.MaxValue, QualityNotes = new string('x', 2_001) }, Key());

        Assert.False(outcome.Accepted);
        Assert.Equal(["price_cny_per_unit", "quality_notes"], outcome.Errors.Select(e => e.Field).Order());
        Assert.Empty(await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).GetReportsAsync(true));
    }

    [Fact]
    public async Task HostileStoredState_IsQuarantinedAtStartUp_AndTheParkStillAnalyses()
    {
        var (park, supplier, consumer) = await TwoEnterprisesAsync(fixture.Grains);
        await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(), Key());
        await fixture.Grains.GetGrain<IEnterpriseGrain>(consumer).ReportNeedAsync(Clay(), Key());

        // Written straight into the store, as an older version or an attacker with the file would leave it.
        var week = $"{park}-week";
        var flow = $"{park}-flow";
        var material = $"{park}-material";
        var huge = FlyAsh() with { Quantity = decimal.MaxValue, Period = ReportPeriod.Week };
        await WriteStateAsync(week, new EnterpriseState
        {
            Profile = Enterprise(park, week),
            History = [new ReportRecord($"{week}-r1", 1, ReportKind.Offer, "x", ClusterFixture.Start, huge, null, false, "k1")],
            NextReport = 1,
        });
        await WriteStateAsync(flow, new EnterpriseState
        {
            Profile = Enterprise(park, flow) with { Latitude = 1000m },
            Flows = [new DeclaredFlow("f1", "ext:import", flow, "coal", decimal.MaxValue, "t", FlowStatus.Existing, null)],
        });
        await WriteStateAsync(material, new EnterpriseState
        {
            Profile = Enterprise(park, material),
            History = [new ReportRecord($"{material}-r1", 1, ReportKind.Offer, "x", ClusterFixture.Start, FlyAsh() with { MaterialId = "no-such-material" }, null, false, "k1")],
            NextReport = 1,
        });
        foreach (var member in new[] { week, flow, material })
        {
            await fixture.Grains.GetGrain<IParkGrain>(park).JoinAsync(member);
        }

        await fixture.RestartAsync(); // the park rebuilds from every member on activation

        var parkGrain = fixture.Grains.GetGrain<IParkGrain>(park);
        var analysis = await parkGrain.GetAnalysisAsync();
        var quarantine = await parkGrain.GetQuarantineAsync();
        Assert.Equal([flow, material, week], quarantine.Select(q => q.Enterprise).Order(StringComparer.Ordinal));
        Assert.Contains(quarantine.Single(q => q.Enterprise == week).Reasons, r => r.Contains("annual quantity", StringComparison.Ordinal));
        Assert.Contains(quarantine.Single(q => q.Enterprise == flow).Reasons, r => r.Contains("latitude", StringComparison.Ordinal));
        Assert.Contains(quarantine.Single(q => q.Enterprise == flow).Reasons, r => r.Contains("flow f1 quantity", StringComparison.Ordinal));
        Assert.Contains(quarantine.Single(q => q.Enterprise == material).Reasons, r => r.Contains("unknown material", StringComparison.Ordinal));
        Assert.Equal(2, (await parkGrain.GetSnapshotInfoAsync()).Enterprises); // the two good ones
        Assert.Contains(supplier, analysis.ReportJson, StringComparison.Ordinal);
        Assert.DoesNotContain(week, analysis.ReportJson, StringComparison.Ordinal);

        // The good enterprises keep reporting and matching; the park keeps analysing newer versions.
        var next = await fixture.Grains.GetGrain<IEnterpriseGrain>(supplier).ReportByproductAsync(FlyAsh(900), Key());
        Assert.True(next.Accepted);
        Assert.NotEmpty(next.Matches);
        Assert.True((await parkGrain.GetAnalysisAsync()).Version > analysis.Version);
    }

    [Fact]
    public async Task UnknownCodes_AreQuarantinedNamingThem_NeverReadAsOperatingOrOther()
    {
        var (park, supplier, _) = await TwoEnterprisesAsync(fixture.Grains);
        var odd = $"{park}-odd";

        await fixture.Grains.GetGrain<IEnterpriseGrain>(odd).RegisterAsync(
            // Codes as another version may have stored them (StoredStateCompatibilityTests reads such bytes).
            Enterprise(park, odd) with { StatusCode = "mothballed", ChainCodes = ["space-industry"] },
            [new DeclaredFlow("f1", "ext:import", odd, "coal", 10m, "t", "maybe", null) { RoleCode = "gift" }]);

        var quarantine = await fixture.Grains.GetGrain<IParkGrain>(park).GetQuarantineAsync();
        var reasons = Assert.Single(quarantine, q => q.Enterprise == odd).Reasons;
        Assert.Contains(reasons, r => r.StartsWith("profile status: unknown code 'mothballed'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("profile chains: unknown code 'space-industry'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("flow f1 status: unknown code 'maybe'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("flow f1 role: unknown code 'gift'", StringComparison.Ordinal));
        var analysis = await fixture.Grains.GetGrain<IParkGrain>(park).GetAnalysisAsync();
        Assert.DoesNotContain(odd, analysis.ReportJson, StringComparison.Ordinal);
        Assert.Contains(supplier, analysis.ReportJson, StringComparison.Ordinal);
    }

    private async Task WriteStateAsync(string enterprise, EnterpriseState value)
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(EnterpriseState).Assembly)).BuildServiceProvider();
        await using var database = new SqliteDatabase(fixture.DatabasePath);
        await new SqliteGrainStorage(database, services.GetRequiredService<Serializer>())
            .WriteStateAsync("enterprise", GrainId.Create("enterprise", enterprise), new GrainState<EnterpriseState>(value));
    }
}
