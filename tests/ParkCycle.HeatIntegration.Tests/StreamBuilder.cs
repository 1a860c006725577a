using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration.Tests;

/// <summary>Heat streams for tests, given by CP (kW/K) as textbooks tabulate them.</summary>
internal static class StreamBuilder
{
    public static HeatStream Hot(string id, decimal supply, decimal target, decimal cp, string enterprise = "plant", decimal? dt = null) =>
        new(id, enterprise, HeatStreamKind.Hot, supply, target, cp, null, null, dt, "test");

    public static HeatStream Cold(string id, decimal supply, decimal target, decimal cp, string enterprise = "plant", decimal? dt = null) =>
        new(id, enterprise, HeatStreamKind.Cold, supply, target, cp, null, null, dt, "test");
}
