namespace ParkCycle.Cli.Commands;

internal sealed record BalanceLine(string EnterpriseId, string Name, decimal MassInT, decimal MassOutT, decimal EnergyInGj, decimal EnergyOutGj, decimal VolumeInM3, decimal VolumeOutM3, int UnknownInflows, int UnknownOutflows);
