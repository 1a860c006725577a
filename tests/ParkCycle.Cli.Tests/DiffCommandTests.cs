using System.Text.Json;

namespace ParkCycle.Cli.Tests;

/// <summary>
/// <c>parkcycle diff</c> on the Linxiang seed and a revision of it made by hand: ag-charcoal closes (with its four
/// flows f309, f312, f313, f337 and its three projects), f001's coal drops to 320,000 t, a flow f900 is added,
/// live-pigs is renamed in English and the reference year moves to 2024.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly DirectoryInfo _revised = Directory.CreateTempSubdirectory("parkcycle-diff-");

    public DiffCommandTests()
    {
        var seed = Path.Combine(CliRunner.RepositoryRoot, "seeds", "linxiang");
        foreach (var file in Directory.EnumerateFiles(seed))
        {
            File.Copy(file, Path.Combine(_revised.FullName, Path.GetFileName(file)));
        }

        string[] charcoalProjects = ["syn-012-", "syn-013-", "syn-014-"];
        Edit("enterprises.csv", lines => lines.Where(l => !l.StartsWith("ag-charcoal,", StringComparison.Ordinal)));
        Edit("flows.csv", lines => lines.Where(l => !l.Contains(",ag-charcoal,", StringComparison.Ordinal))
            .Select(l => l.StartsWith("f001,", StringComparison.Ordinal) ? l.Replace(",330000,", ",320000,", StringComparison.Ordinal) : l)
            .Append("f900,fl-float-1,bm-brick,float-offcuts,100,t,existing,estimate: test revision,"));
        Edit("projects.csv", lines => lines.Where(l => !charcoalProjects.Any(p => l.StartsWith(p, StringComparison.Ordinal))));
        Edit("progress.csv", lines => lines.Where(l => !charcoalProjects.Any(p => l.StartsWith(p, StringComparison.Ordinal))));
        Edit("materials.csv", lines => lines.Select(l => l.StartsWith("live-pigs,", StringComparison.Ordinal) ? l.Replace(",live pigs,", ",pigs (live weight),", StringComparison.Ordinal) : l));
        Edit("dataset.json", lines => lines.Select(l => l.Replace("\"reference_year\": 2023", "\"reference_year\": 2024", StringComparison.Ordinal)));
    }

    private void Edit(string file, Func<IEnumerable<string>, IEnumerable<string>> change)
    {
        var path = Path.Combine(_revised.FullName, file);
        File.WriteAllLines(path, change(File.ReadAllLines(path)).ToList());
    }

    public void Dispose() => _revised.Delete(recursive: true);

    private static string[] Ids(JsonElement table, string list) => [.. table.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void Diff_Json_NamesExactlyWhatTheRevisionChanged()
    {
        var result = CliRunner.Run("diff", "seeds/linxiang", _revised.FullName, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal((2023, 2024), (root.GetProperty("a").GetProperty("reference_year").GetInt32(), root.GetProperty("b").GetProperty("reference_year").GetInt32()));
        var diff = root.GetProperty("diff");
        Assert.Equal([], Ids(diff.GetProperty("enterprises"), "added"));
        Assert.Equal(["ag-charcoal"], Ids(diff.GetProperty("enterprises"), "removed"));
        Assert.Equal([], Ids(diff.GetProperty("enterprises"), "changed"));
        Assert.Equal(["f900"], Ids(diff.GetProperty("flows"), "added"));
        Assert.Equal(["f309", "f312", "f313", "f337"], Ids(diff.GetProperty("flows"), "removed"));
        Assert.Equal(["f001"], Ids(diff.GetProperty("flows"), "changed"));
        Assert.Equal([], Ids(diff.GetProperty("materials"), "added"));
        Assert.Equal([], Ids(diff.GetProperty("materials"), "removed"));
        Assert.Equal(["live-pigs"], Ids(diff.GetProperty("materials"), "changed"));
        var energy = root.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "energy-intensity");
        Assert.Equal(1.8432m, energy.GetProperty("before").GetDecimal()); // as `analyze seeds/linxiang` reports it
        Assert.True(energy.GetProperty("after").GetDecimal() < 1.8432m, energy.ToString()); // less coal, less value added lost than energy saved
    }

    [Fact]
    public void Diff_SameDataset_ReportsNothingChanged_AndText_ListsTheIds()
    {
        var same = CliRunner.Run("diff", "seeds/linxiang", "seeds/linxiang");
        var revised = CliRunner.Run("diff", "seeds/linxiang", _revised.FullName);

        Assert.Equal(0, same.ExitCode);
        Assert.Contains("enterprises: 0 added, 0 removed, 0 changed", same.Stdout, StringComparison.Ordinal);
        Assert.Contains("flows: 0 added, 0 removed, 0 changed", same.Stdout, StringComparison.Ordinal);
        Assert.Contains("flows: 1 added, 4 removed, 1 changed", revised.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - ag-charcoal", revised.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_MissingDataset_ExitsOne()
    {
        var result = CliRunner.Run("diff", "seeds/linxiang", Path.Combine(_revised.FullName, "nope"));

        Assert.Equal(1, result.ExitCode);
    }
}
