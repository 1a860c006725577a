using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Tests;

/// <summary>
/// Grain state written before the messages read their codes as enums reads back into the enums; codes this version
/// does not know are kept as written, named in UnknownCodes (never read as a default), and written back unchanged.
/// The bytes were written by ParkCycle at commit e54d73d (EnterpriseProfile, DeclaredFlow and ProjectInfo typed as strings).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredStateCompatibilityTests(ClusterFixture fixture)
{
    // An enterprise with status 'mothballed', chains fine-chemicals and 'space-industry', new-energy type 'solar-pv' (unknown ones quoted), flows f1 (existing, fuel) and f2 (status 'maybe', role 'gift').
    private const string Enterprise = "ICDoQA9nYy1hY2lkQRnmuZjlsrPljJblt6VBJVhpYW5neXVlIENoZW1pY2Fsc0EFejExAcPZbj5NUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbc3RyaW5nXV0ABUEdZmluZS1jaGVtaWNhbHNAHXNwYWNlLWluZHVzdHJ54EETY2hlbWljYWxzQSEAAAEAAAAAACcBAAAAAAAAQSEAAAEAAAAAAG4EAAAAAAAAQRVtb3RoYmFsbGVkQSEAAAAAAAAAAOAuAAAAAAAAQSEAAAAAAAAAAEgNAAAAAAAAAQNBEWxpbnhpYW5nOQMAA0EjYWNpZC1yZWdlbmVyYXRpb27gOQMAA0EJSFczNOBhQUsLAEEhAAAAAAAAAAC4CwAAAAAAAEEhAAAAAAAAAACIEwAAAAAAAEEhAAABAAAAAAAPAAAAAAAAAEERc29sYXItcHZBC3N0b2NrQRNwbGFuIDIwMjTgIQAFIehABWYxQRVleHQ6aW1wb3J0wQdBCWNvYWxBIQAAAAAAAAAAsAQAAAAAAABBA3RBEWV4aXN0aW5nQRVzdGF0aXN0aWNzQSEAAAAAAAAAAAUAAAAAAAAAQQlmdWVs4CDoQAVmMsEHQRlleHQ6bGFuZGZpbGxBD2ZseS1hc2jBAcFRQQttYXliZcEBwQFBCWdpZnTg4CHgAh0BA+A=";

    // Project p1: energy-saving, in-progress, one progress report.
    private const string Project = "ICDoQAVwMUEPZ2MtYWNpZEEbZW5lcmd5LXNhdmluZ2GzRwsAYYxKCwBBF2luLXByb2dyZXNzwQExAbA0Vm/VUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbUGFya0N5Y2xlLkdyYWlucy5BYnN0cmFjdGlvbnMuUHJvZ3Jlc3NVcGRhdGUsUGFya0N5Y2xlLkdyYWlucy5BYnN0cmFjdGlvbnNdXQADIehgSkgLAEEhAAAAAAAAAAAoAAAAAAAAAEEdYm9pbGVyIG9yZGVyZWRBF3Byb2N1cmVtZW504OBBIQAAAAAAAAAAeAAAAAAAAABBIQAAAAAAAAAAHgAAAAAAAADg4A==";

    // Project p2: type 'teleportation' and status 'dormant' (unknown).
    private const string OddProject = "ICDoQAVwMkEPZ2MtYWNpZEEbdGVsZXBvcnRhdGlvbmGzRwsAwQFBD2Rvcm1hbnTBATEBK7+265lQYXJrQ3ljbGUuR3JhaW5zLkFic3RyYWN0aW9ucy5Qcm9ncmVzc1VwZGF0ZVtdLFBhcmtDeWNsZS5HcmFpbnMuQWJzdHJhY3Rpb25z4MEBwQHg4A==";

    private Serializer Serializer => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<Serializer>();

    [Fact]
    public void EnterpriseStateWithTextCodes_ReadsIntoEnums_AndKeepsTheUnknownOnes()
    {
        var state = Serializer.Deserialize<EnterpriseState>(Convert.FromBase64String(Enterprise))!;

        var p = state.Profile!;
        Assert.Equal([Chain.FineChemicals], p.Chains);
        Assert.Equal(((NewEnergyType?)null, 1.5m), (p.NewEnergyType, p.NewEnergyCapacityMw!.Value));
        Assert.Equal([new UnknownCode("chains", "space-industry"), new UnknownCode("status", "mothballed"), new UnknownCode("new_energy_type", "solar-pv")], p.UnknownCodes);
        Assert.Equal(("湘岳化工", 29.5m, "linxiang", "HW34", (DateOnly?)new DateOnly(2027, 6, 30), "plan 2024"), (p.Name, p.Latitude!.Value, p.ParkId, p.Licences.Single(), p.EndDate, p.Source));
        Assert.Equal((FlowStatus.Existing, (FlowRole?)FlowRole.Fuel, 5m, 0), (state.Flows[0].Status, state.Flows[0].Role, state.Flows[0].UncertaintyPercent!.Value, state.Flows[0].UnknownCodes.Count));
        Assert.Equal([new UnknownCode("status", "maybe"), new UnknownCode("role", "gift")], state.Flows[1].UnknownCodes);
        Assert.Equal((7, true), (state.NextReport, state.ExpiryReminder));
    }

    [Fact]
    public void UnknownCodes_AreWrittenBackAsTheyWere()
    {
        var state = Serializer.Deserialize<EnterpriseState>(Convert.FromBase64String(Enterprise))!;

        var again = Serializer.Deserialize<EnterpriseState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(state.Profile!.UnknownCodes, again.Profile!.UnknownCodes);
        Assert.Equal(state.Flows[1].UnknownCodes, again.Flows[1].UnknownCodes);
        Assert.Equal(state.Profile.Chains, again.Profile.Chains);
    }

    [Fact]
    public void ProjectStateWithTextCodes_ReadsIntoEnums_AndAnUnknownTypeIsKept()
    {
        var project = Serializer.Deserialize<ProjectState>(Convert.FromBase64String(Project))!.Project!;
        var odd = Serializer.Deserialize<ProjectState>(Convert.FromBase64String(OddProject))!.Project!;

        Assert.Equal((ProjectType.EnergySaving, ProjectStatus.InProgress, 0, 120m, 40m), (project.Type, project.Status, project.UnknownCodes.Count, project.Budget10kCny!.Value, project.Progress.Single().PercentComplete));
        Assert.Equal([new UnknownCode("type", "teleportation"), new UnknownCode("status", "dormant")], odd.UnknownCodes);
    }
}
