using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting.Tests;

internal static class Repo
{
    public static string Root => RepositoryPaths.Root;

    public static readonly Lazy<ParkDataset> Linxiang = new(() => DatasetReader.Read(Path.Combine(Root, "seeds", "linxiang"), CatalogReader.Default).GetOrThrow());

    public static string SuperfundCsv => RepositoryPaths.Shared("data", "superfund-npl", "npl-sites.csv");
}
