using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting.Tests;

public class ForecastAsOfTests
{
    private static ParkDataset Park(int? referenceYear, params ProgressReport[] progress) =>
        new(new DatasetManifest("p", "p", referenceYear, null, null), [], [], [], [], [], [], progress, new MaterialCatalog([], []));

    [Fact]
    public void Default_WithProgress_IsTheLatestReport() =>
        Assert.Equal(new DateOnly(2025, 6, 1), ForecastAsOf.Default(Park(2023, new ProgressReport("a", new DateOnly(2025, 6, 1), 50, null), new ProgressReport("b", new DateOnly(2024, 1, 1), 10, null))));

    [Fact]
    public void Default_WithoutProgress_IsTheReferenceYearEnd() =>
        Assert.Equal(new DateOnly(2023, 12, 31), ForecastAsOf.Default(Park(2023)));

    [Fact]
    public void Default_WithNeither_IsNull() =>
        Assert.Null(ForecastAsOf.Default(Park(null)));
}
