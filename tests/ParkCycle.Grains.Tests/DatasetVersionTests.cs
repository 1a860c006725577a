using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Grains.Tests;

/// <summary>Dataset versions and the KPI history on the real SQLite store, read back after a silo restart.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DatasetVersionTests(ClusterFixture fixture)
{
    private static ParkDataset Park(int year, bool withThirdPlant) => DatasetReader.ReadJsonDocument(Encoding.UTF8.GetBytes($$"""
        {
          "id": "durable-park", "name": "Durable park", "reference_year": {{year}},
          "zones": [{ "id": "z1", "name": "一区" }],
          "enterprises": [
            { "id": "dp-a", "name": "甲厂", "zone": "z1", "chains": ["building-materials"], "status": "operating" },
            { "id": "dp-b", "name": "乙厂", "zone": "z1", "chains": ["building-materials"], "status": "operating" }
            {{(withThirdPlant ? """, { "id": "dp-c", "name": "丙厂", "zone": "z1", "chains": ["other"], "status": "operating" }""" : string.Empty)}}
          ],
          "flows": [
            { "id": "dp-f1", "from": "ext:import", "to": "dp-a", "material": "coal", "quantity": 100, "unit": "t", "status": "existing", "source": "estimate" },
            { "id": "dp-f2", "from": "dp-a", "to": "dp-b", "material": "fly-ash", "quantity": 12, "unit": "t", "status": "existing", "source": "estimate" }
            {{(withThirdPlant ? """, { "id": "dp-f3", "from": "dp-c", "to": "ext:landfill", "material": "fly-ash", "quantity": 3, "unit": "t", "status": "existing", "source": "estimate" }""" : string.Empty)}}
          ]
        }
        """), "durable-park.json", CatalogReader.Default).GetOrThrow();

    [Fact]
    public async Task Versions_RetiredEnterprise_AndKpiHistory_SurviveARestart()
    {
        var grains = fixture.Grains;
        // Back to back, faster than the debounced re-analysis: each import still has its version analysed.
        Assert.True(await DatasetImport.SeedAsync(grains, Park(2023, withThirdPlant: true), fixture.Clock));
        var second = await DatasetImport.AddVersionAsync(grains, Park(2024, withThirdPlant: false), fixture.Clock);

        await fixture.RestartAsync();

        var park = fixture.Grains.GetGrain<IParkGrain>("durable-park");
        var versions = await park.GetVersionsAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([2023, 2024], versions.Select(v => v.ReferenceYear));
        Assert.Equal([3, 2], versions.Select(v => v.Enterprises));
        Assert.Equal(second, versions[1]);
        Assert.Equal(["dp-a", "dp-b"], await park.GetMembersAsync());
        var first = await DatasetImport.VersionAsync(fixture.Grains, "durable-park", 1);
        Assert.Equal(["dp-a", "dp-b", "dp-c"], first!.Enterprises.Select(e => e.Id));
        Assert.Equal("durable-park", (await fixture.Grains.GetGrain<IEnterpriseGrain>("dp-c").GetProfileAsync())!.ParkId); // retired, not forgotten
        var history = await fixture.Grains.GetGrain<IParkKpiHistoryGrain>(IParkKpiHistoryGrain.Key("durable-park", ClusterFixture.Start.Year)).GetAsync();
        // Same day, two versions: the first analysis of each is kept.
        Assert.Equal([1, 2], history.Select(h => h.DatasetVersion));
        Assert.Contains(history[0].Kpis, k => k.Id == "solid-waste-utilisation");
    }
}
