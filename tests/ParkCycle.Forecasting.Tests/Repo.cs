using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting.Tests;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static readonly Lazy<ParkDataset> Linxiang = new(() => DatasetReader.Read(Path.Combine(Root, "seeds", "linxiang"), CatalogReader.Default).GetOrThrow());

    public static string SuperfundCsv => Path.Combine(Root, "..", "shared", "data", "superfund-npl", "npl-sites.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkCycle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
