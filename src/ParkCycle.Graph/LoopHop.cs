namespace ParkCycle.Graph;

/// <summary>One hop of a loop: the flow that carries material from one enterprise to the next.</summary>
/// <param name="Quantity">Annual quantity in <paramref name="Unit"/>; null when the flow's quantity is unknown.</param>
/// <param name="OtherFlows">How many further flows run between the same two enterprises.</param>
public sealed record LoopHop(string From, string To, string Material, decimal? Quantity, string Unit, string FlowId, int OtherFlows);
