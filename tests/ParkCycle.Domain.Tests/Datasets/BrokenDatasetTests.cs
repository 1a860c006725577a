using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>
/// Deliberately broken datasets, each with every error it must produce (file:line: column: reason) and
/// proof that nothing was loaded.
/// </summary>
public class BrokenDatasetTests
{
    public static TheoryData<string> Cases => [.. BrokenCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenDataset_ReportsExactlyTheExpectedErrorsAndLoadsNothing(string name)
    {
        var (breakIt, expected) = BrokenCases.All[name];
        using var builder = new DatasetFolderBuilder();
        breakIt(builder);

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Read_BaseDataset_IsValid()
    {
        using var builder = new DatasetFolderBuilder();

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Dataset);
        Assert.Equal(3, result.Dataset.Enterprises.Count);
        Assert.Equal(3, result.Dataset.Flows.Count);
    }

    [Fact]
    public void Read_BlankQuantity_StaysUnknownNeverZero()
    {
        using var builder = new DatasetFolderBuilder();

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Null(dataset.Flows.Single(f => f.Id == "f3").Quantity);
        Assert.Equal(1.50m, dataset.Flows.Single(f => f.Id == "f2").Quantity!.Value.Value);
    }

    [Fact]
    public void Read_BlankFlowStatus_DefaultsToExisting()
    {
        using var builder = new DatasetFolderBuilder();
        builder.ReplaceLine("flows.csv", 2, "f1,ext:import,e1,coal,100,t,,estimate");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal(Model.FlowStatus.Existing, dataset.Flows[0].Status);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndUnknownExtraColumns_AreAccepted()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("zones.csv", "remark,name_en,name,id\nanything,Zone 1,一区,z1\n");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal(new Model.Zone("z1", "一区", "Zone 1"), dataset.Zones.Single());
    }

    [Fact]
    public void Read_HeaderOnlyOptionalTables_AreFine()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("projects.csv", "id,enterprise,type,start,planned_end,budget_10k_cny,subsidy_10k_cny,status,completed_on\n")
            .With("progress.csv", "project,date,percent_complete,note\n");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Empty(dataset.Projects);
    }

    [Fact]
    public void Read_ProgressDecreaseWithANote_IsAccepted()
    {
        using var builder = new DatasetFolderBuilder();
        builder.ReplaceLine("progress.csv", 3, "p1,2024-05-01,30,scope enlarged");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal(30m, dataset.Progress[1].PercentComplete);
    }

    [Fact]
    public void Read_GbkFile_IsReadCorrectlyWithAWarning()
    {
        using var builder = new DatasetFolderBuilder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.WithBytes("zones.csv", Encoding.GetEncoding("GBK").GetBytes("id,name,name_en\nz1,绿色化工产业园,green chemical park\n"));

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.NotNull(result.Dataset);
        Assert.Equal("绿色化工产业园", result.Dataset.Zones.Single().Name);
        Assert.Equal(
            ["zones.csv: warning: file is not UTF-8; it was read as GBK/GB18030. Save it as \"CSV UTF-8\" to be sure"],
            result.Warnings.Select(w => w.ToString()).ToArray());
    }

    [Fact]
    public void Read_Utf8WithByteOrderMark_IsAccepted()
    {
        using var builder = new DatasetFolderBuilder();
        builder.WithBytes("zones.csv", [0xEF, 0xBB, 0xBF, .. DatasetFolderBuilder.Utf8("id,name,name_en\nz1,一区,Zone 1\n")]);

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal("z1", dataset.Zones.Single().Id);
    }

    [Fact]
    public void Read_FileOverTheSizeLimit_IsRefusedByName()
    {
        using var builder = new DatasetFolderBuilder();
        var big = new StringBuilder(builder.Text("flows.csv"));
        for (var i = 0; i < 40; i++)
        {
            big.Append(System.Globalization.CultureInfo.InvariantCulture, $"g{i},ext:import,e1,coal,{i + 1},t,existing,estimate\n");
        }

        builder.With("flows.csv", big.ToString());
        var folder = builder.Build();
        var size = new FileInfo(Path.Combine(folder, "flows.csv")).Length;

        var result = DatasetReader.Read(folder, CatalogReader.Default, new DatasetReadOptions { MaxFileBytes = 1000 });

        Assert.Null(result.Dataset);
        Assert.Equal([$"flows.csv: file is {size:N0} bytes, over the limit of 1,000 bytes"], result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Read_BadJsonManifest_NamesTheFileAndLine()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("dataset.json", "{\n  \"id\": \"mini\",\n  \"name\": \n}");

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Errors);
        Assert.Equal("dataset.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("not valid JSON:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFolder_SaysSo()
    {
        var result = DatasetReader.Read("/nonexistent/park", CatalogReader.Default);

        Assert.Equal(["/nonexistent/park: no such dataset folder or JSON file"], result.Errors.Select(e => e.ToString()).ToArray());
    }
}
