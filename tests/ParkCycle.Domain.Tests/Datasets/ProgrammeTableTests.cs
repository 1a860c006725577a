using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Excel;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary><c>programmes.csv</c> and <c>programme_progress.csv</c>: read, every broken row with its exact error, and the three forms.</summary>
public class ProgrammeTableTests
{
    private const string Programmes = "id,name,name_en,total,due,source\nriverside,沿江化工企业搬迁,riverside relocation,35,2025-12-31,cited\nremediation,场地修复,,4,,estimate\n";
    private const string Counts = "programme,date,completed,source\nriverside,2020-06-30,0,list published\nriverside,2021-12-31,12,estimate\nriverside,2022-12-31,20,\nremediation,2023-12-31,1,\n";

    private static DatasetFolderBuilder WithProgrammes(string programmes = Programmes, string counts = Counts) =>
        new DatasetFolderBuilder().With("programmes.csv", programmes).With("programme_progress.csv", counts);

    [Fact]
    public void Read_Programmes_KeepsTotalsDueDatesAndCumulativeCounts()
    {
        using var builder = WithProgrammes();

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        var riverside = dataset.Programmes.Single(p => p.Id == "riverside");
        Assert.Equal((35, (DateOnly?)new DateOnly(2025, 12, 31), "riverside relocation"), (riverside.Total, riverside.Due, riverside.NameEn));
        Assert.Null(dataset.Programmes.Single(p => p.Id == "remediation").Due);
        Assert.Equal([0, 12, 20], dataset.ProgrammeProgress.Where(p => p.ProgrammeId == "riverside").Select(p => p.Completed));
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2022-12-31,36,", StringComparison.Ordinal), "programme_progress.csv:4: completed: 36 completed is more than the programme's total of 35" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2022-12-31,10,", StringComparison.Ordinal), "programme_progress.csv:4: completed: 10 is fewer than the 12 counted on 2021-12-31; completed is cumulative and never falls" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2021-06-30,20,", StringComparison.Ordinal), "programme_progress.csv:4: date: 2021-06-30 is not after the programme's previous count (2021-12-31); list counts in date order, one a day" },
        { Programmes, Counts.Replace("remediation,2023-12-31,1,", "cleanup,2023-12-31,1,", StringComparison.Ordinal), "programme_progress.csv:5: programme: unknown programme 'cleanup' (not in programmes.csv)" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,31/12/2022,20,", StringComparison.Ordinal), "programme_progress.csv:4: date: '31/12/2022' is not a date in the form YYYY-MM-DD" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2022-12-31,20.5,", StringComparison.Ordinal), "programme_progress.csv:4: completed: 20.5 is not a whole number of items" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2022-12-31,-3,", StringComparison.Ordinal), "programme_progress.csv:4: completed: -3 is negative; it must be zero or more" },
        { Programmes, Counts.Replace("riverside,2022-12-31,20,", "riverside,2022-12-31,,", StringComparison.Ordinal), "programme_progress.csv:4: completed: a value is required" },
        { Programmes.Replace(",4,,estimate", ",0,,estimate", StringComparison.Ordinal), Counts.Replace("remediation,2023-12-31,1,\n", string.Empty, StringComparison.Ordinal), "programmes.csv:3: total: a programme lists at least one item (total must be 1 or more)" },
        { Programmes.Replace("2025-12-31", "2025-13-01", StringComparison.Ordinal), Counts, "programmes.csv:2: due: '2025-13-01' is not a date in the form YYYY-MM-DD|programme_progress.csv:2: programme: unknown programme 'riverside' (not in programmes.csv)|programme_progress.csv:3: programme: unknown programme 'riverside' (not in programmes.csv)|programme_progress.csv:4: programme: unknown programme 'riverside' (not in programmes.csv)" },
        { Programmes + "riverside,重复,,3,,\n", Counts, "programmes.csv:4: id: duplicate id 'riverside' (first used on line 2)" },
        { "id,name,due\nriverside,x,\n", "programme,date,completed\n", "programmes.csv:1: total: missing required column 'total'" },
    };

    // expected: every error in order, separated by '|' (a rejected programme makes its counts unknown).
    [Theory]
    [MemberData(nameof(Broken))]
    public void Read_BrokenProgrammeTables_ReportsTheExactErrorsAndLoadsNothing(string programmes, string counts, string expected)
    {
        using var builder = WithProgrammes(programmes, counts);

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(expected.Split('|'), result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Programmes_SurviveCsvJsonAndXlsx()
    {
        using var builder = WithProgrammes();
        var folder = builder.Build();
        var viaCsv = DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();

        var csv = DatasetWriter.ToFiles(viaCsv);
        var viaJson = DatasetReader.ReadJsonDocument(DatasetWriter.ToJson(viaCsv), "park.json", CatalogReader.Default).GetOrThrow();
        var viaXlsx = DatasetReader.ReadFiles(ExcelDataset.ToFiles(new MemoryStream(ExcelDataset.Write(viaCsv))), CatalogReader.Default).GetOrThrow();

        foreach (var file in new[] { "programmes.csv", "programme_progress.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file)), Encoding.UTF8.GetString(csv[file]));
            Assert.Equal(Encoding.UTF8.GetString(csv[file]), Encoding.UTF8.GetString(DatasetWriter.ToFiles(viaJson)[file]));
            Assert.Equal(Encoding.UTF8.GetString(csv[file]), Encoding.UTF8.GetString(DatasetWriter.ToFiles(viaXlsx)[file]));
        }
    }
}
