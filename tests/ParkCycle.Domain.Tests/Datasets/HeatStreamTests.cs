using System.Text;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>
/// The optional <c>heat_streams.csv</c> table: a valid base (the four streams of Linnhoff &amp; Hindmarsh 1983, 4SP1,
/// in two of the mini park's enterprises) and the broken-stream corpus, each case with its exact errors.
/// </summary>
public class HeatStreamTests
{
    private const string Header = "id,enterprise,kind,supply_temperature_c,target_temperature_c,cp_kw_per_k,duty_kw,hours_per_year,dt_contribution_c,source\n";

    private const string Streams = Header +
        "h1,e1,hot,170,60,3.0,,,,\"Linnhoff & Hindmarsh 1983, 4SP1\"\n" +
        "h2,e1,hot,150,30,,180,7200,,estimate\n" +
        "c1,e2,cold,20,135,2.0,230,,,estimate\n" +
        "c2,e2,cold,80,140,4,,8000,2.5,\n";

    private const string Range = "is outside the physical range (above −273.15 °C, at most 2000 °C)";

    public static readonly Dictionary<string, (int Line, string Row, string[] Errors)> Broken = new()
    {
        ["hot stream heated"] = (2, "h1,e1,hot,60,170,3.0,,,,",
            ["heat_streams.csv:2: target_temperature_c: a hot stream is cooled: its target 170 °C is above its supply 60 °C"]),
        ["cold stream cooled"] = (4, "c1,e2,cold,135,20,2.0,230,,,",
            ["heat_streams.csv:4: target_temperature_c: a cold stream is heated: its target 20 °C is below its supply 135 °C"]),
        ["no temperature change"] = (4, "c1,e2,cold,20,20,2.0,,,,",
            ["heat_streams.csv:4: target_temperature_c: target 20 °C equals the supply; give a phase change a small range (e.g. 1 °C)"]),
        ["neither CP nor duty"] = (3, "h2,e1,hot,150,30,,,,,",
            ["heat_streams.csv:3: cp_kw_per_k: give cp_kw_per_k or duty_kw (or both, agreeing within 1 %)"]),
        ["CP and duty disagree"] = (4, "c1,e2,cold,20,135,2.0,240,,,",
            ["heat_streams.csv:4: duty_kw: duty 240 kW disagrees with cp_kw_per_k × |supply − target| = 2.0 × 115 = 230.0 kW by more than 1 %"]),
        ["unknown enterprise"] = (2, "h1,e9,hot,170,60,3.0,,,,",
            ["heat_streams.csv:2: enterprise: unknown enterprise 'e9' (not in enterprises.csv)"]),
        ["supply above 2000 °C"] = (2, "h1,e1,hot,2500,60,3.0,,,,",
            [$"heat_streams.csv:2: supply_temperature_c: 2500 °C {Range}"]),
        ["target below absolute zero"] = (3, "h2,e1,hot,150,-300,,180,,,",
            [$"heat_streams.csv:3: target_temperature_c: -300 °C {Range}"]),
        ["unknown kind"] = (2, "h1,e1,warm,170,60,3.0,,,,",
            ["heat_streams.csv:2: kind: 'warm' is not one of: hot, cold"]),
        ["missing supply"] = (2, "h1,e1,hot,,60,3.0,,,,",
            ["heat_streams.csv:2: supply_temperature_c: a value is required"]),
        ["non-numeric temperature"] = (2, "h1,e1,hot,hot,60,3.0,,,,",
            ["heat_streams.csv:2: supply_temperature_c: 'hot' is not a number"]),
        ["duplicate id"] = (3, "h1,e1,hot,150,30,,180,7200,,estimate",
            ["heat_streams.csv:3: id: duplicate id 'h1' (first used on line 2)"]),
        ["zero CP"] = (2, "h1,e1,hot,170,60,0,,,,",
            ["heat_streams.csv:2: cp_kw_per_k: must be greater than zero"]),
        ["negative duty"] = (3, "h2,e1,hot,150,30,,-180,,,",
            ["heat_streams.csv:3: duty_kw: -180 is negative; it must be zero or more"]),
        ["more hours than a year"] = (3, "h2,e1,hot,150,30,,180,9000,,",
            ["heat_streams.csv:3: hours_per_year: 9000 is not between 0 (exclusive) and 8784, the hours of a leap year"]),
        ["implausible ΔT contribution"] = (5, "c2,e2,cold,80,140,4,,8000,600,",
            ["heat_streams.csv:5: dt_contribution_c: 600 °C is not a plausible ΔT contribution (at most 500 °C)"]),
    };

    public static TheoryData<string> Cases => [.. Broken.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenHeatStream_ReportsExactlyTheExpectedErrorsAndLoadsNothing(string name)
    {
        var (line, row, expected) = Broken[name];
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", Streams).ReplaceLine("heat_streams.csv", line, row);

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(expected, result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Read_MissingKindColumn_IsAHeaderError()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", "id,enterprise,supply_temperature_c,target_temperature_c,cp_kw_per_k\nh1,e1,170,60,3\n");

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(["heat_streams.csv:1: kind: missing required column 'kind'"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_ValidStreams_DerivesCpAndDuty()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", Streams);

        var streams = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow().HeatStreams;

        Assert.Equal(["h1", "h2", "c1", "c2"], streams.Select(s => s.Id));
        Assert.Equal(330m, streams[0].HeatLoadKw);
        Assert.Equal(1.5m, streams[1].HeatCapacityFlowKwPerK);
        Assert.Equal(7200m, streams[1].EffectiveHoursPerYear);
        Assert.Equal(HeatStream.DefaultHoursPerYear, streams[0].EffectiveHoursPerYear);
        Assert.Equal(HeatStreamKind.Cold, streams[3].Kind);
        Assert.Equal(2.5m, streams[3].DtContributionC);
    }

    [Fact]
    public void Read_CpAndDutyWithin1Percent_IsAccepted()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", Streams).ReplaceLine("heat_streams.csv", 4, "c1,e2,cold,20,135,2.0,232,,,estimate");

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.NotNull(result.Dataset);
        Assert.Equal(230m, result.Dataset.HeatStreams[2].HeatLoadKw);
    }

    [Fact]
    public void CsvToJsonToCsv_HeatStreams_AreByteIdentical()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", Streams);
        var viaCsv = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        var viaJson = DatasetReader.ReadJsonDocument(DatasetWriter.ToJson(viaCsv), "park.json", CatalogReader.Default).GetOrThrow();

        Assert.Equal(Streams, Encoding.UTF8.GetString(DatasetWriter.ToFiles(viaCsv)["heat_streams.csv"]));
        Assert.Equal(Streams, Encoding.UTF8.GetString(DatasetWriter.ToFiles(viaJson)["heat_streams.csv"]));
    }

    [Fact]
    public void ReadJsonDocument_BrokenHeatStream_NamesTheArrayElement()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("heat_streams.csv", Streams);
        var json = Encoding.UTF8.GetString(DatasetWriter.ToJson(DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow()))
            .Replace("\"kind\": \"cold\"", "\"kind\": \"hot\"", StringComparison.Ordinal);

        var result = DatasetReader.ReadJsonDocument(Encoding.UTF8.GetBytes(json), "park.json", CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(
            [
                "park.json: heat_streams[2].target_temperature_c: a hot stream is cooled: its target 135 °C is above its supply 20 °C",
                "park.json: heat_streams[3].target_temperature_c: a hot stream is cooled: its target 140 °C is above its supply 80 °C",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_NoHeatStreamsFile_GivesAnEmptyTableAndWritesNone()
    {
        using var builder = new DatasetFolderBuilder();

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Empty(dataset.HeatStreams);
        Assert.False(DatasetWriter.ToFiles(dataset).ContainsKey("heat_streams.csv"));
    }
}
