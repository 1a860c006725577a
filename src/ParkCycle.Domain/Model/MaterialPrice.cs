namespace ParkCycle.Domain.Model;

/// <summary>
/// What a material costs to buy, CNY per unit of the material's own unit: the purchase an exchange avoids
/// when it replaces this material. <see cref="Source"/> cites the price (a statistical source, a price index,
/// an exchange quotation) or says <c>estimate</c>.
/// </summary>
public sealed record MaterialPrice(string MaterialId, decimal CnyPerUnit, string? Source);
