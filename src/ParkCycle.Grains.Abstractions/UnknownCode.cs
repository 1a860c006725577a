namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// A code read from stored state that this version does not know (a status, chain, role, type …), by the field it
/// was in. It is kept as written, never read as a default: the enterprise is quarantined naming it, a project is
/// left out of the forecasts, and the code is written back unchanged.
/// </summary>
/// <param name="Field">The field, as the dataset names it (<c>status</c>, <c>chains</c>, <c>role</c>, …).</param>
/// <param name="Code">The code exactly as stored.</param>
public sealed record UnknownCode(string Field, string Code);
