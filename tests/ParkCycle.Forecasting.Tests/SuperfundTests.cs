using ParkCycle.Domain.Datasets;

namespace ParkCycle.Forecasting.Tests;

/// <summary>The method on real data: the US EPA Superfund record (../shared/data/superfund-npl).</summary>
public class SuperfundTests
{
    [Fact]
    public void Adapter_ReadsEverySiteWithItsMilestones()
    {
        var sites = SuperfundAdapter.Read(Repo.SuperfundCsv);

        // The README: 1,840 sites, 1,246 with a construction completion date (a few are proposed, never listed).
        Assert.InRange(sites.Count, 1700, 1840);
        Assert.InRange(sites.Count(s => s.ConstructionComplete is not null), 1200, 1246);
        var kellogg = sites.Single(s => s.EpaId == "CTD980670814");
        Assert.Equal((new DateOnly(1984, 9, 21), (DateOnly?)new DateOnly(1996, 9, 23)), (kellogg.Listed, kellogg.ConstructionComplete));
    }

    [Fact]
    public void Backtest_AsOf2014_ReportsEveryYearAgainstKaplanMeierAndTheRecord()
    {
        var result = SuperfundForecaster.Backtest(SuperfundAdapter.Read(Repo.SuperfundCsv), new DateOnly(2014, 12, 31), 2023);

        Assert.Equal(Enumerable.Range(2015, 9), result.Years.Select(y => y.Year));
        Assert.All(result.Years, y => Assert.True(y.Low <= y.Predicted && y.Predicted <= y.High));
        Assert.All(result.Years, y => Assert.NotNull(y.Actual));
        // Reported, not assumed: the model's error against the record, and the baseline's.
        Assert.NotNull(result.MaeModel);
        Assert.NotNull(result.MaeKm);
        Assert.True(result.MaeModel < result.MaeKm, $"model {result.MaeModel} vs KM {result.MaeKm}");
    }

    [Fact]
    public void Backtest_AsOf2014_CalibratedBandHoldsTheActualInAtLeastSevenOfNineYears()
    {
        var result = SuperfundForecaster.Backtest(SuperfundAdapter.Read(Repo.SuperfundCsv), new DateOnly(2014, 12, 31), 2023);

        var inside = result.Years.Count(y => y.Actual >= y.Low && y.Actual <= y.High);
        Assert.True(inside >= 7, $"calibrated band holds {inside} of 9");
        // The band is widened, never narrowed, from the chance variation alone (which held only 4 of 9 here).
        Assert.All(result.Years, y => Assert.True(y.Low <= y.ModelLow && y.High >= y.ModelHigh));
        Assert.Equal(4, result.Years.Count(y => y.Actual >= y.ModelLow && y.Actual <= y.ModelHigh));
        Assert.Equal(Enumerable.Range(2004, 10).Select(y => new DateOnly(y, 12, 31)), result.Calibration.Origins);
        Assert.Equal(55, result.Calibration.Scores); // 1 + 2 + … + 10 scoreable (origin, year) pairs
    }

    [Fact]
    public void Backtest_Calibration_NeverSeesTheRecordAfterTheCutoff()
    {
        var sites = SuperfundAdapter.Read(Repo.SuperfundCsv);
        var asOf = new DateOnly(2014, 12, 31);
        // Erase everything after the cut-off: the forecast and its band must not move (only the scoring can).
        var blind = sites.Where(s => s.Listed <= asOf).Select(s => s.ConstructionComplete > asOf ? s with { ConstructionComplete = null } : s).ToList();

        var full = SuperfundForecaster.Backtest(sites, asOf, 2016);
        var erased = SuperfundForecaster.Backtest(blind, asOf, 2016);

        Assert.Equal(full.Calibration.Q10, erased.Calibration.Q10);
        Assert.Equal(full.Calibration.Q90, erased.Calibration.Q90);
        Assert.Equal(full.Years.Select(y => (y.Predicted, y.Low, y.High)), erased.Years.Select(y => (y.Predicted, y.Low, y.High)));
        Assert.All(erased.Years, y => Assert.Equal(0, y.Actual));
    }

    [Fact]
    public void Adapter_FileWithoutListingDates_IsRefusedByColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"npl-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Site_EPA_ID,Site_Name\nX1,Somewhere\n");
        try
        {
            var ex = Assert.Throws<DatasetException>(() => SuperfundAdapter.Read(path));
            Assert.Equal($"{Path.GetFileName(path)}:1: Listing_Date: missing required column 'Listing_Date'", ex.Errors.Single().ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
