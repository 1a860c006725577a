namespace ParkCycle.Graph;

/// <summary>
/// Net use of one energy carrier: received minus delivered to others, in the material's own unit, and its
/// standard coal at calorific value (当量值). Negative when the holder delivers more than it receives.
/// </summary>
public sealed record CarrierUse(string Material, decimal Quantity, string Unit, decimal Tce);
