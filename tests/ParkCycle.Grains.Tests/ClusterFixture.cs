using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster on the real SQLite grain store (a temp file), with a fake clock
/// starting 2025-06-01 and a short analysis debounce. One cluster is shared; each test uses fresh keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"parkcycle-test-{Guid.NewGuid():N}.db");

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The clock of the (single) silo. Only a test that owns this fixture may move it (see ReportTests.OnOwnClockAsync).</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<TimeProvider>();

    public async Task InitializeAsync() => Cluster = await StartAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Stops the whole cluster and starts a new one on the same database: a silo restart.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["ParkCycle:SqlitePath"] = DatabasePath;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AnalysisDebounceMs"] = "50",
                ["SeedDataset"] = string.Empty,
            }).Build();
            silo.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
            silo.UseSqliteStore(silo.Configuration["ParkCycle:SqlitePath"]!);
            silo.AddParkCycleGrains(section);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
