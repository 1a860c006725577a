using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>The <c>uncertainty</c> column of flows and the <c>balances</c> table, in CSV and JSON.</summary>
public class BalancesTableTests
{
    [Fact]
    public void Read_UncertaintyWithOrWithoutPercentSign_IsThePercentAndBlankIsUnstated()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("flows.csv",
            "id,from,to,material,quantity,unit,status,source,uncertainty\n" +
            "f1,ext:import,e1,coal,100,t,existing,estimate,5\n" +
            "f2,e1,e2,fly-ash,1.50,t,existing,measured at the weighbridge,2.5%\n" +
            "f3,e1,ext:atmosphere,m-heat,,GJ,planned,,\n");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal(5m, dataset.Flows.Single(f => f.Id == "f1").UncertaintyPercent);
        Assert.Equal(2.5m, dataset.Flows.Single(f => f.Id == "f2").UncertaintyPercent);
        Assert.Null(dataset.Flows.Single(f => f.Id == "f3").UncertaintyPercent);
        Assert.Equal(FlowProvenance.Measured, FlowProvenances.Of(dataset.Flows.Single(f => f.Id == "f2")));
        Assert.Equal(FlowProvenance.Estimate, FlowProvenances.Of(dataset.Flows.Single(f => f.Id == "f1")));
        Assert.Equal(FlowProvenance.Plan, FlowProvenances.Of("plan §三(一)"));
    }

    [Fact]
    public void Read_Balances_KeepsScopesAndTheirMemberFlows()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("balances.csv", "id,enterprise,scope\nb1,e1,mass\nb2,e2,material:fly-ash\n");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal(["b1", "b2"], dataset.Balances.Select(b => b.Id));
        Assert.Equal(new BalanceScope(BalanceScopeKind.Mass), dataset.Balances[0].Scope);
        Assert.Equal("material:fly-ash", dataset.Balances[1].Scope.ToString());
        // f3 (waste heat, planned) is neither mass nor existing.
        Assert.Equal(["f1", "f2"], dataset.Balances[0].Members(dataset).Select(f => f.Id));
    }

    [Fact]
    public void Balances_RoundTripThroughCsvAndJsonExactly()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("balances.csv", "id,enterprise,scope\nb1,e1,mass\nb2,e2,material:fly-ash\n");
        builder.With("flows.csv",
            "id,from,to,material,quantity,unit,status,source,uncertainty\n" +
            "f1,ext:import,e1,coal,100,t,existing,estimate,5\n" +
            "f2,e1,e2,fly-ash,1.50,t,existing,,\n");
        var folder = builder.Build();
        var viaCsv = DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();

        var viaJson = DatasetReader.ReadJsonDocument(DatasetWriter.ToJson(viaCsv), "park.json", CatalogReader.Default).GetOrThrow();

        var files = DatasetWriter.ToFiles(viaJson);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "balances.csv")), Encoding.UTF8.GetString(files["balances.csv"]));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "flows.csv")), Encoding.UTF8.GetString(files["flows.csv"]));
    }

    [Fact]
    public void Read_JsonBalanceWithBadScope_NamesTheJsonPath()
    {
        var json = """
            {"id":"j","name":"J","zones":[{"id":"z1","name":"Z"}],
             "enterprises":[{"id":"e1","name":"E","zone":"z1","chains":["other"],"status":"operating"}],
             "flows":[{"id":"f1","from":"ext:import","to":"e1","material":"coal","quantity":10,"unit":"t","uncertainty":"5%"}],
             "balances":[{"id":"b1","enterprise":"e1","scope":"steam"}]}
            """;

        var result = DatasetReader.ReadJsonDocument(Encoding.UTF8.GetBytes(json), "j.json", CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(["j.json: balances[0].scope: unknown scope 'steam' (known: mass, energy, water, material:<id>)"], result.Errors.Select(e => e.ToString()));
    }
}
