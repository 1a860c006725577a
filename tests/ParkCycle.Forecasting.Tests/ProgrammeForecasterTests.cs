using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting.Tests;

/// <summary>The programme forecast contract on hand-made series, and its band on real ones.</summary>
public class ProgrammeForecasterTests
{
    private static readonly Programme Hundred = new("p", "百家", null, 100, new DateOnly(2025, 12, 31), "test");

    private static ProgrammeProgress Count(DateOnly date, int completed) => new("p", date, completed, null);

    // A start and two year-ends: 20 done in 2020, 16 more in 2021 (a hazard of about 0.22 a year on what is left).
    private static readonly ProgrammeProgress[] ThreePoints =
        [Count(new DateOnly(2020, 1, 1), 0), Count(new DateOnly(2020, 12, 31), 20), Count(new DateOnly(2021, 12, 31), 36)];

    [Fact]
    public void Forecast_StartAndTwoYearEnds_PredictsTheSaturatingCurveWithAnOrderedBandNeverAboveTheTotal()
    {
        var f = ProgrammeForecaster.Forecast(Hundred, ThreePoints, new DateOnly(2021, 12, 31));

        // Default dates: the next 24 month-ends.
        Assert.Equal(ProgrammeForecaster.NextMonthEnds(new DateOnly(2021, 12, 31)), f.Forecast.Select(p => p.Date));
        Assert.Equal(new DateOnly(2022, 1, 31), f.Forecast[0].Date);
        Assert.Equal(new DateOnly(2023, 12, 31), f.Forecast[^1].Date);
        // By hand: 64 open × (1 − e^−0.22) ≈ 13 more in 2022.
        var end2022 = f.Forecast.Single(p => p.Date == new DateOnly(2022, 12, 31));
        Assert.InRange(end2022.Predicted, 45, 53);
        Assert.All(f.Forecast, p => Assert.True(36 <= p.Low && p.Low <= p.Predicted && p.Predicted <= p.High && p.High <= 100, $"{p}"));
        Assert.True(f.Forecast.Zip(f.Forecast.Skip(1)).All(w => w.First.Predicted <= w.Second.Predicted && w.First.High <= w.Second.High));
        Assert.True(end2022.High - end2022.Low >= 6, "a band from three points cannot be narrow");
        // The last of 64 items at ~0.22/year takes ~ (ln 64 + 0.58) / 0.22 ≈ 21 years: beyond the 10-year horizon.
        Assert.Null(f.Completion.P50);
        Assert.Null(f.Completion.P90);
    }

    [Fact]
    public void Forecast_CountsAfterTheAsOfDate_AreNotUsed()
    {
        var withFuture = ThreePoints.Append(Count(new DateOnly(2022, 6, 30), 90)).ToArray();

        var blind = ProgrammeForecaster.Forecast(Hundred, ThreePoints, new DateOnly(2021, 12, 31));
        var peeking = ProgrammeForecaster.Forecast(Hundred, withFuture, new DateOnly(2021, 12, 31));

        Assert.Equal(blind.Forecast, peeking.Forecast);
        Assert.Equal(blind.Completion, peeking.Completion);
    }

    [Fact]
    public void Forecast_RequestedDates_OnOrBeforeTheAsOfDateAreTheRecordedCounts()
    {
        var f = ProgrammeForecaster.Forecast(Hundred, ThreePoints, new DateOnly(2021, 12, 31), [new DateOnly(2021, 6, 30), new DateOnly(2022, 3, 15)]);

        Assert.Equal(new ProgrammePoint(new DateOnly(2021, 6, 30), 20, 20, 20), f.Forecast[0]);
        Assert.Equal(new DateOnly(2022, 3, 15), f.Forecast[1].Date);
        Assert.True(f.Forecast[1].Low >= 36);
    }

    [Fact]
    public void Forecast_AlmostDoneFastProgramme_GivesCompletionDatesInOrder()
    {
        var ten = new Programme("p", "十家", null, 10, null, null);
        var f = ProgrammeForecaster.Forecast(ten, [Count(new DateOnly(2022, 1, 1), 0), Count(new DateOnly(2022, 12, 31), 6), Count(new DateOnly(2023, 12, 31), 9)], new DateOnly(2023, 12, 31));

        Assert.NotNull(f.Completion.P10);
        Assert.NotNull(f.Completion.P50);
        Assert.True(f.Completion.P10 <= f.Completion.P50 && (f.Completion.P90 is null || f.Completion.P50 <= f.Completion.P90));
        Assert.True(f.Completion.P10 > new DateOnly(2023, 12, 31));
        Assert.All(f.Forecast, p => Assert.True(p.High <= 10));
    }

    [Fact]
    public void Forecast_TotalAlreadyReached_IsFlatAndCompletesOnTheDayItWasReached()
    {
        var ten = new Programme("p", "十家", null, 10, null, null);
        var f = ProgrammeForecaster.Forecast(ten, [Count(new DateOnly(2021, 9, 30), 0), Count(new DateOnly(2024, 9, 20), 10)], new DateOnly(2024, 12, 31));

        Assert.All(f.Forecast, p => Assert.Equal((10, 10, 10), (p.Predicted, p.Low, p.High)));
        Assert.Equal(new ProgrammeCompletion(new DateOnly(2024, 9, 20), new DateOnly(2024, 9, 20), new DateOnly(2024, 9, 20)), f.Completion);
    }

    [Fact]
    public void Forecast_SameSeed_SameForecast()
    {
        var a = ProgrammeForecaster.Forecast(Hundred, ThreePoints, new DateOnly(2021, 12, 31));
        var b = ProgrammeForecaster.Forecast(Hundred, ThreePoints, new DateOnly(2021, 12, 31));

        Assert.Equal(a.Forecast, b.Forecast);
    }

    [Fact]
    public void Forecast_Jingzhou_HoldsTheNextPublishedCountInItsBand()
    {
        // Jingzhou (Hubei) riverside chemical 关改搬转: 76 firms; 36 done by end 2019, 45 by 2020-11-26 (Hubei Daily,
        // 2020-11-26). Start: Hubei's programme began in 2018 (the 1 January is an estimate).
        var jingzhou = new Programme("jingzhou", "荆州沿江化工企业关改搬转", null, 76, new DateOnly(2020, 12, 31), "Hubei Daily 2020-11-26");
        ProgrammeProgress[] counts = [new("jingzhou", new DateOnly(2018, 1, 1), 0, null), new("jingzhou", new DateOnly(2019, 12, 31), 36, null)];

        var f = ProgrammeForecaster.Forecast(jingzhou, counts, new DateOnly(2019, 12, 31), [new DateOnly(2020, 11, 26)]);

        Assert.InRange(45, f.Forecast[0].Low, f.Forecast[0].High);
    }

    [Fact]
    public void Backtest_SuperfundCohortsNotUsedToChooseTheDrift_CoverNearTheNominal80Percent()
    {
        var sites = SuperfundAdapter.Read(Repo.SuperfundCsv);

        var report = ProgrammeBacktest.Run(ProgrammeSeries.SuperfundCohorts(sites, 1996, 2012, 2023), new ProgrammeForecastOptions { Simulations = 500 });

        Assert.True(report.Forecasts > 300, $"{report.Forecasts} forecasts");
        Assert.InRange(report.Coverage, 0.7, 0.97);
    }
}
