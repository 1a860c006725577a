namespace ParkCycle.Domain.Model;

/// <summary>
/// What a disposal sink charges, CNY per unit of the material's own unit, for a class of material: a material id
/// or a category code (<c>solid-waste</c>, <c>hazardous-waste</c>, …). A material's own fee wins over its category's.
/// <see cref="Source"/> cites the fee or says <c>estimate</c>.
/// </summary>
public sealed record GateFee(string MaterialClass, string Sink, decimal CnyPerUnit, string? Source);
