using System.Text.Json;
using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SeedingTests(ClusterFixture fixture)
{
    private static string Linxiang() => RepositoryPaths.Seed("linxiang");

    [Fact]
    public async Task Seed_LoadsLinxiangOnce_AndARestartNeitherReloadsNorDuplicates()
    {
        var dataset = DatasetReader.Read(Linxiang(), CatalogReader.Default).GetOrThrow();

        Assert.True(await DatasetImport.SeedAsync(fixture.Grains, dataset, fixture.Clock));
        Assert.False(await DatasetImport.SeedAsync(fixture.Grains, dataset, fixture.Clock));
        var park = fixture.Grains.GetGrain<IParkGrain>("linxiang");
        Assert.Equal(dataset.Enterprises.Count, (await park.GetMembersAsync()).Count);
        var chpFlows = (await fixture.Grains.GetGrain<IEnterpriseGrain>("ut-chp").GetContributionAsync())!.Flows.Count;

        await fixture.RestartAsync();

        Assert.False(await DatasetImport.SeedAsync(fixture.Grains, dataset, fixture.Clock));
        park = fixture.Grains.GetGrain<IParkGrain>("linxiang");
        Assert.Equal(dataset.Enterprises.Count, (await park.GetMembersAsync()).Count);
        Assert.Equal(chpFlows, (await fixture.Grains.GetGrain<IEnterpriseGrain>("ut-chp").GetContributionAsync())!.Flows.Count);
        var project = await fixture.Grains.GetGrain<IRetrofitProjectGrain>(dataset.Projects[0].Id).GetAsync();
        Assert.Equal(dataset.Progress.Count(p => p.ProjectId == dataset.Projects[0].Id), project!.Progress.Count);

        // The live park's analysis finds the seed's loops, as the CLI does on the files.
        var analysis = await park.GetAnalysisAsync();
        using var report = JsonDocument.Parse(analysis.ReportJson);
        Assert.True(analysis.Loops >= 20, $"{analysis.Loops} loops");
        Assert.Contains(report.RootElement.GetProperty("loops").EnumerateArray(), l => string.Join('>', l.GetProperty("enterprises").EnumerateArray().Select(e => e.GetString())) == "ut-chp>ut-wwtp");
    }
}
