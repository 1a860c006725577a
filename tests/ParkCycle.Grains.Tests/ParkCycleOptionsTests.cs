using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Grains.Tests;

public sealed class ParkCycleOptionsTests
{
    private static ParkCycleOptions Bind(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"ParkCycle:{s.Key}", s.Value))).Build()
            .GetSection(ParkCycleOptions.Section).Get<ParkCycleOptions>() ?? new ParkCycleOptions();

    [Fact]
    public void Defaults_AreValid_AndSeedLinxiangIntoSqlite()
    {
        var options = ParkCycleOptionsValidator.Check(Bind(("SiloPort", "11111")));

        Assert.Equal((ParkCycleStore.Sqlite, "data/parkcycle.db", 30000, "seeds/linxiang", 500d), (options.Store, options.SqlitePath, options.GatewayPort, options.SeedDataset, options.AnalysisDebounceMs));
        Assert.True(options.Seeds);
        Assert.Null(options.ParkId);
    }

    [Fact]
    public void Binding_ReadsTheStoreByName_AndAnEmptySeedSkipsSeeding()
    {
        var options = Bind(("Store", "postgres"), ("Postgres", "Host=127.0.0.1"), ("SeedDataset", ""), ("ParkId", "demo"));

        Assert.Equal(ParkCycleStore.Postgres, options.Store);
        Assert.False(options.Seeds);
        Assert.Equal("demo", options.ParkId);
    }

    [Fact]
    public void BadSettings_AreEachNamedByKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ParkCycleOptionsValidator.Check(
            Bind(("Store", "postgres"), ("SiloPort", "0"), ("GatewayPort", "0"), ("AnalysisDebounceMs", "-1"), ("ParkId", " "))));

        Assert.Equal(
            [
                "ParkCycle:Postgres (a connection string) is required when ParkCycle:Store is postgres",
                "ParkCycle:SiloPort must be a port between 1 and 65535, not 0",
                "ParkCycle:GatewayPort must be a port between 1 and 65535, not 0",
                "ParkCycle:SiloPort and ParkCycle:GatewayPort must differ (both 0)",
                "ParkCycle:AnalysisDebounceMs must be zero or more milliseconds, not -1",
                "ParkCycle:ParkId must not be blank",
            ],
            error.Failures);
    }
}
