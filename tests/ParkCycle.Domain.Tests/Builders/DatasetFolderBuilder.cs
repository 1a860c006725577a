using System.Text;

namespace ParkCycle.Domain.Tests.Builders;

/// <summary>
/// A small valid dataset written to a temporary folder; each test breaks it in one way. Line numbers
/// in the tests refer to these files (the header is line 1).
/// </summary>
public sealed class DatasetFolderBuilder : IDisposable
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal)
    {
        ["dataset.json"] = Utf8("""{"id":"mini","name":"Mini park","reference_year":2023}"""),
        ["zones.csv"] = Utf8("id,name,name_en\nz1,一区,Zone 1\n"),
        ["enterprises.csv"] = Utf8(
            "id,name,name_en,zone,chains,sector,lat,lon,status,output_value_10k_cny,energy_tce,above_size,source\n" +
            "e1,甲厂,Plant A,z1,fine-chemicals,2614,29.5,113.4,operating,1000,500,true,estimate\n" +
            "e2,乙厂,Plant B,z1,building-materials;other,3011,29.6,113.5,operating,,,false,\n" +
            "e3,丙厂,,z1,agri-products,,,,planned,,,,\n"),
        ["materials.csv"] = Utf8(
            "id,name,name_en,category,unit,temperature_c,hazardous_code\n" +
            "m-heat,余热,waste heat,waste-heat,GJ,120,\n" +
            "m-x,某副产物,,byproduct,t,,\n"),
        ["flows.csv"] = Utf8(
            "id,from,to,material,quantity,unit,status,source\n" +
            "f1,ext:import,e1,coal,100,t,existing,estimate\n" +
            "f2,e1,e2,fly-ash,1.50,t,existing,\"estimate, per \"\"typical\"\" ash ratio\"\n" +
            "f3,e1,ext:atmosphere,m-heat,,GJ,planned,\n"),
        ["projects.csv"] = Utf8(
            "id,enterprise,type,start,planned_end,budget_10k_cny,subsidy_10k_cny,status,completed_on\n" +
            "p1,e1,energy-saving,2023-01-01,2024-06-30,100,20,completed,2024-05-01\n" +
            "p2,e2,cleaner-production,2023-03-01,2025-12-31,,,in-progress,\n"),
        ["progress.csv"] = Utf8(
            "project,date,percent_complete,note\n" +
            "p1,2023-06-30,40,\n" +
            "p1,2024-05-01,100,\n" +
            "p2,2023-12-31,30,\n"),
    };

    public string Folder { get; } = Directory.CreateTempSubdirectory("parkcycle-test-").FullName;

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public DatasetFolderBuilder With(string file, string content) => WithBytes(file, Utf8(content));

    public DatasetFolderBuilder WithBytes(string file, byte[] content)
    {
        _files[file] = content;
        return this;
    }

    public DatasetFolderBuilder Without(string file)
    {
        _files.Remove(file);
        return this;
    }

    /// <summary>Replaces line <paramref name="line"/> (1 = header) of a CSV file.</summary>
    public DatasetFolderBuilder ReplaceLine(string file, int line, string content)
    {
        var lines = Text(file).Split('\n').ToList();
        lines[line - 1] = content;
        return With(file, string.Join('\n', lines));
    }

    /// <summary>Adds a line at the end of a CSV file.</summary>
    public DatasetFolderBuilder AppendLine(string file, string content) => With(file, Text(file) + content + "\n");

    public string Text(string file) => Encoding.UTF8.GetString(_files[file]);

    /// <summary>Writes the files and returns the folder.</summary>
    public string Build()
    {
        foreach (var stale in Directory.EnumerateFiles(Folder))
        {
            File.Delete(stale);
        }

        foreach (var (name, bytes) in _files)
        {
            File.WriteAllBytes(Path.Combine(Folder, name), bytes);
        }

        return Folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
