using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Cli.Tests;

public sealed class AnalyzeTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("parkcycle-analyze-");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Analyze_Json_HasTheContractSectionsAndFieldNames()
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        foreach (var section in new[] { "summary", "balance", "loops", "opportunities", "plan", "gaps", "kpis" })
        {
            Assert.True(root.TryGetProperty(section, out _), $"missing section {section}");
        }

        var hop = root.GetProperty("loops")[0].GetProperty("hops")[0];
        foreach (var field in new[] { "from", "to", "material", "quantity", "unit" })
        {
            Assert.True(hop.TryGetProperty(field, out _), $"loops[].hops[] lacks {field}");
        }

        Assert.True(root.GetProperty("loops")[0].GetProperty("enterprises").GetArrayLength() >= 2);
        var opportunity = root.GetProperty("plan").GetProperty("exchanges")[0];
        foreach (var field in new[] { "supplier", "consumer", "source_material", "replaced_material", "quantity", "unit", "distance_km", "co2e_avoided_t", "disposal_avoided", "net_value_cny", "closes_loop" })
        {
            Assert.True(opportunity.TryGetProperty(field, out _), $"plan.exchanges[] lacks {field}");
        }

        var kpi = root.GetProperty("kpis")[0];
        foreach (var field in new[] { "id", "value", "unit", "target", "status" })
        {
            Assert.True(kpi.TryGetProperty(field, out _), $"kpis[] lacks {field}");
        }

        Assert.False(root.TryGetProperty("scenario", out var scenario) && scenario.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public void Analyze_Out_WritesAnHtmlReportWithASankey()
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--out", _out.FullName);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(Path.Combine(_out.FullName, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.True(html.Split("class=\"link\"").Length > 10, "the Sankey has too few links");
        Assert.Contains("补链招商清单", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out.FullName, "report.json")));
    }

    [Fact]
    public void Analyze_GridFactorAndCoalRate_AreTheOnesTheAccountsUse()
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--json", "--grid-factor", "central-china-2021", "--coal-rate", "305", "--coal-source", "test value");

        Assert.Equal(0, result.ExitCode);
        var root = JsonNode.Parse(result.Stdout)!;
        var electricity = root["carbon"]!["factors"]!.AsArray().Single(f => (string?)f!["material"] == "electricity")!;
        Assert.Equal(0.5395m, (decimal)electricity["t_co2_per_unit"]!);
        Assert.Contains("公告2024年第12号", (string)electricity["source"]!, StringComparison.Ordinal);
        Assert.Equal(0.305m, (decimal)root["energy"]!["generation_coal_rate_tce_per_mwh"]!);
        Assert.Contains(root["energy"]!["sources"]!.AsArray(), s => ((string)s!).Contains("305 gce/kWh (test value)", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_NumericGridFactor_CarriesItsStatedSource()
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--json", "--grid-factor", "0.49", "--grid-source", "a provincial table");

        Assert.Equal(0, result.ExitCode);
        var electricity = JsonNode.Parse(result.Stdout)!["carbon"]!["factors"]!.AsArray().Single(f => (string?)f!["material"] == "electricity")!;
        Assert.Equal((0.49m, "0.49 tCO2/MWh (a provincial table)"), ((decimal)electricity["t_co2_per_unit"]!, (string)electricity["source"]!));
    }

    [Theory]
    [InlineData("--grid-factor", "hunan-2030", "--grid-factor: unknown grid factor 'hunan-2030' (known: national-2022, national-2021, central-china-2021, or a number of t CO2/MWh)")]
    [InlineData("--grid-factor", "5", "--grid-factor: grid factor 5 is not within (0, 2] t CO2/MWh")]
    [InlineData("--coal-rate", "30", "--coal-rate: 30 gce/kWh is not within 150-600")]
    public void Analyze_RefusedAccountingOption_ExitsOneSayingWhy(string option, string value, string message)
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RemoveUnknownEnterprise_ExitsOneNamingIt()
    {
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--remove", "no-such-plant");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown enterprise(s) to remove: no-such-plant", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AddRecruit_ReportsTheScenario()
    {
        var recruit = Directory.CreateDirectory(Path.Combine(_out.FullName, "recruit")).FullName;
        File.WriteAllText(Path.Combine(recruit, "dataset.json"), """{"id":"recruit","name":"recruited acid regenerator"}""");
        File.WriteAllText(Path.Combine(recruit, "zones.csv"), "id,name,name_en\n");
        File.WriteAllText(Path.Combine(recruit, "enterprises.csv"),
            "id,name,name_en,zone,chains,sector,lat,lon,status,output_value_10k_cny,energy_tce,above_size,source\n" +
            "new-acid,废酸再生企业,acid regenerator,green-chem,fine-chemicals,2611,29.5060,113.4670,planned,5000,2000,true,scenario\n");
        File.WriteAllText(Path.Combine(recruit, "flows.csv"),
            "id,from,to,material,quantity,unit,status,source\n" +
            "r1,gc-intermediate,new-acid,spent-sulfuric-acid,24000,t,existing,scenario\n" +
            "r2,new-acid,gc-intermediate,sulfuric-acid,18000,t,existing,scenario\n");

        var result = CliRunner.Run("analyze", "seeds/linxiang", "--add", recruit, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var scenario = json.RootElement.GetProperty("scenario");
        Assert.Equal("new-acid", scenario.GetProperty("added")[0].GetString());
        Assert.True(scenario.GetProperty("loops_after").GetInt32() > scenario.GetProperty("loops_before").GetInt32());
        Assert.Contains(scenario.GetProperty("loops_gained").EnumerateArray(), l => l.GetProperty("enterprises").EnumerateArray().Any(e => e.GetString() == "new-acid"));
    }
}

public sealed class ForecastCommandTests
{
    [Fact]
    public void BacktestSuperfund_Json_HasTheContractFields()
    {
        var result = CliRunner.Run("backtest", "superfund", "../shared/data/superfund-npl/npl-sites.csv", "--as-of", "2014-12-31", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var year = json.RootElement.GetProperty("years")[0];
        Assert.Equal(2015, year.GetProperty("year").GetInt32());
        foreach (var field in new[] { "predicted", "low", "high", "baseline_km", "actual" })
        {
            Assert.True(year.TryGetProperty(field, out _), $"years[] lacks {field}");
        }

        Assert.True(json.RootElement.GetProperty("mae_model").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("mae_km").GetDouble() > 0);
    }

    [Fact]
    public void BacktestSuperfund_BadDate_ExitsTwo()
    {
        var result = CliRunner.Run("backtest", "superfund", "../shared/data/superfund-npl/npl-sites.csv", "--as-of", "31/12/2014");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of: '31/12/2014' is not a date in the form YYYY-MM-DD", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_UsesTheCommittedModelAndReportsTheTargets()
    {
        var result = CliRunner.Run("forecast", "seeds/linxiang", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var targets = json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("target").GetProperty("id").GetString()).ToList();
        Assert.Equal(["cleaner-production", "circular-transformation", "energy-saving-above-size", "riverside-exit"], targets);
        Assert.True(json.RootElement.GetProperty("projects").GetArrayLength() > 0);
    }

    [Fact]
    public void Forecast_MissingModel_ExitsOneSayingHowToTrain()
    {
        var result = CliRunner.Run("forecast", "seeds/linxiang", "--model", "models/none.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model not found: models/none.zip (run 'parkcycle train' first)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Reconciled_SaysSo_AndTheDeclaredMassBalancesClose()
    {
        var reported = JsonNode.Parse(CliRunner.Run("analyze", "seeds/linxiang", "--json").Stdout)!;
        var result = CliRunner.Run("analyze", "seeds/linxiang", "--json", "--reconciled");

        Assert.Equal(0, result.ExitCode);
        var reconciled = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("reported", reported["summary"]!["quantities"]!.GetValue<string>());
        Assert.Equal("reconciled", reconciled["summary"]!["quantities"]!.GetValue<string>());
        // Haichuang's declared mass balance (balances.csv) is 13,600 t open as reported and closes once reconciled.
        static (decimal In, decimal Out) Mass(JsonNode report) =>
            report["balance"]!["enterprises"]!.AsArray().Where(e => e!["enterprise"]!.GetValue<string>() == "bm-haichuang")
                .Select(e => (e!["mass_in_t"]!.GetValue<decimal>(), e["mass_out_t"]!.GetValue<decimal>())).Single();
        var (inBefore, outBefore) = Mass(reported);
        var (inAfter, outAfter) = Mass(reconciled);
        Assert.Equal(13600m, inBefore - outBefore);
        Assert.True(Math.Abs(inAfter - outAfter) < 0.01m, $"reconciled mass in {inAfter} t, out {outAfter} t");
    }
}
