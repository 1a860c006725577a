namespace ParkCycle.Cli.Commands;

internal sealed record CategoryTotal(string Category, string Unit, int Flows, decimal Total, decimal InPark, int UnknownQuantity);
