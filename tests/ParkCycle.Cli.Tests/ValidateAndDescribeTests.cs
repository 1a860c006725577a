using System.Text.Json;

namespace ParkCycle.Cli.Tests;

public sealed class ValidateAndDescribeTests : IDisposable
{
    private readonly DirectoryInfo _broken = Directory.CreateTempSubdirectory("parkcycle-cli-");

    public ValidateAndDescribeTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CliRunner.RepositoryRoot, "seeds", "linxiang")))
        {
            File.Copy(file, Path.Combine(_broken.FullName, Path.GetFileName(file)));
        }

        var flows = Path.Combine(_broken.FullName, "flows.csv");
        var lines = File.ReadAllLines(flows);
        var cells = lines[1].Split(',');
        cells[4] = "-5";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(flows, lines);
    }

    public void Dispose() => _broken.Delete(recursive: true);

    [Fact]
    public void Validate_Seed_ExitsZeroAndSaysValid()
    {
        var result = CliRunner.Run("validate", "seeds/linxiang");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("valid:", result.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenDataset_ExitsOneAndPrintsTheLocatedError()
    {
        var result = CliRunner.Run("validate", _broken.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("flows.csv:2: quantity: -5 is negative; it must be zero or more", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid: 1 error(s); nothing was loaded", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_ListsProblemsWithLocations()
    {
        var result = CliRunner.Run("validate", _broken.FullName, "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("flows.csv", problem.GetProperty("file").GetString());
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Equal("quantity", problem.GetProperty("column").GetString());
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var result = CliRunner.Run("validate", "seeds/linxiang", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Seed_PrintsCountsAndBalances()
    {
        var result = CliRunner.Run("describe", "seeds/linxiang");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Enterprise balances", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("bm-conch", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Totals by zone", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Json_HasTheDocumentedFieldsAndBalancedFigures()
    {
        var result = CliRunner.Run("describe", "seeds/linxiang", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("linxiang", root.GetProperty("id").GetString());
        Assert.True(root.GetProperty("counts").GetProperty("enterprises").GetInt32() >= 40);
        var conch = root.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("enterprise_id").GetString() == "bm-conch");
        // Conch imports ~2.9 Mt limestone plus clay, coal and gypsum (seed estimates), and ships ~1.95 Mt cement.
        Assert.True(conch.GetProperty("mass_in_t").GetDecimal() > 3_000_000m);
        Assert.True(conch.GetProperty("mass_out_t").GetDecimal() > 1_900_000m);
        Assert.Contains(root.GetProperty("totals_by_category").EnumerateArray(), t => t.GetProperty("category").GetString() == "waste-heat" && t.GetProperty("unit").GetString() == "GJ");
    }

    [Fact]
    public void Describe_BrokenDataset_ExitsOneWithTheErrorOnStderr()
    {
        var result = CliRunner.Run("describe", _broken.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("flows.csv:2: quantity:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
