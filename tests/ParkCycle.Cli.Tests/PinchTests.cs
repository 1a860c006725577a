using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Cli.Tests;

/// <summary>
/// <c>parkcycle pinch</c> on Linnhoff &amp; Hindmarsh's (1983) four-stream problem 4SP1 (hot utility 20 kW, cold 60 kW,
/// pinch 90/80 °C at ΔTmin 10 °C; worked by hand in tests/ParkCycle.HeatIntegration.Tests) and on the Linxiang seed.
/// </summary>
public sealed class PinchTests : IDisposable
{
    private readonly DirectoryInfo _park = Directory.CreateTempSubdirectory("parkcycle-pinch-");

    public PinchTests()
    {
        File.WriteAllText(Path.Combine(_park.FullName, "dataset.json"), """{"id":"4sp1","name":"4SP1","reference_year":2024}""");
        File.WriteAllText(Path.Combine(_park.FullName, "zones.csv"), "id,name,name_en\nz1,一区,Zone 1\n");
        File.WriteAllText(Path.Combine(_park.FullName, "enterprises.csv"),
            "id,name,name_en,zone,chains,sector,lat,lon,status,output_value_10k_cny,energy_tce,above_size,source\n" +
            "e1,甲厂,,z1,fine-chemicals,,,,operating,,,,\ne2,乙厂,,z1,fine-chemicals,,,,operating,,,,\n");
        File.WriteAllText(Path.Combine(_park.FullName, "flows.csv"), "id,from,to,material,quantity,unit,status,source\nf1,ext:import,e1,coal,100,t,existing,estimate\n");
        File.WriteAllText(Path.Combine(_park.FullName, "heat_streams.csv"),
            "id,enterprise,kind,supply_temperature_c,target_temperature_c,cp_kw_per_k,duty_kw,hours_per_year,dt_contribution_c,source\n" +
            "1,e1,cold,20,135,2.0,,,,Linnhoff & Hindmarsh 1983\n2,e1,hot,170,60,3.0,,,,\n3,e2,cold,80,140,4.0,,,,\n4,e2,hot,150,30,1.5,,,,\n");
    }

    public void Dispose() => _park.Delete(recursive: true);

    [Fact]
    public void Pinch_Json_GivesTheFourStreamTargetsInTheContractFields()
    {
        var result = CliRunner.Run("pinch", _park.FullName, "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(10m, root["dt_min_c"]!.GetValue<decimal>());
        Assert.Equal(20m, root["hot_utility_kw"]!.GetValue<decimal>());
        Assert.Equal(60m, root["cold_utility_kw"]!.GetValue<decimal>());
        Assert.Equal(450m, root["heat_recovery_kw"]!.GetValue<decimal>());
        Assert.Equal("""{"shifted_c":85,"hot_c":90,"cold_c":80}""", root["pinch"]!.ToJsonString());
        Assert.False(root["threshold"]!.GetValue<bool>());
        Assert.Equal("""{"t_c":30,"h_kw":0}""", root["composite_curves"]!["hot"]![0]!.ToJsonString());
        Assert.Equal("""{"t_c":140,"h_kw":530}""", root["composite_curves"]!["cold"]!.AsArray()[^1]!.ToJsonString());
        Assert.Equal("""{"t_shifted_c":85,"h_kw":0}""", root["grand_composite"]![3]!.ToJsonString());
        Assert.Equal("""{"hot_utility":576,"cold_utility":1728,"heat_recovery":12960}""", root["annual_gj"]!.ToJsonString());
    }

    [Fact]
    public void Pinch_BelowThresholdDtMin_ReportsANullPinch()
    {
        var result = CliRunner.Run("pinch", _park.FullName, "--dtmin", "5", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(0m, root["hot_utility_kw"]!.GetValue<decimal>());
        Assert.Equal(40m, root["cold_utility_kw"]!.GetValue<decimal>());
        Assert.True(root["threshold"]!.GetValue<bool>());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pinch").ValueKind);
    }

    [Fact]
    public void Pinch_Text_NamesTheTargetsAndThePinch()
    {
        var result = CliRunner.Run("pinch", _park.FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("minimum hot utility   20 kW", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pinch: 85 °C shifted (90 °C hot side, 80 °C cold side)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pinch_DatasetWithoutHeatStreams_FailsWithTheReason()
    {
        File.Delete(Path.Combine(_park.FullName, "heat_streams.csv"));

        var result = CliRunner.Run("pinch", _park.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no heat streams", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dtmin", "-1")]
    [InlineData("--carrier", "hot-water:60:90")]
    public void Pinch_BadOption_IsAUsageError(string option, string value)
    {
        var result = CliRunner.Run("pinch", _park.FullName, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Json_CarriesThePinchReportAsHeatIntegration()
    {
        var pinch = CliRunner.Run("pinch", "seeds/linxiang", "--json");
        var analyze = CliRunner.Run("analyze", "seeds/linxiang", "--json");

        Assert.Equal(0, pinch.ExitCode);
        Assert.Equal(0, analyze.ExitCode);
        var heat = JsonNode.Parse(analyze.Stdout)!["heat_integration"]!;
        Assert.Equal(JsonNode.Parse(pinch.Stdout)!.ToJsonString(), heat.ToJsonString());
        Assert.Equal(24, heat["streams"]!.GetValue<int>());
        Assert.Equal(80000m, heat["today"]!["recovered_gj"]!.GetValue<decimal>());
    }
}
