namespace ParkCycle.Cli.Commands;

internal sealed record DescriptionCounts(int Zones, int Enterprises, int MaterialsDefined, int MaterialsUsed, int Flows, int FlowsUnknownQuantity, int FlowsInternal, int Substitutions, int Projects);
