namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// An enterprise the park keeps out of its snapshot because its stored state failed the range checks (or could not
/// be read): listed for administrators, with every reason, since when.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuarantinedEnterprise(
    [property: Id(0)] string Enterprise,
    [property: Id(1)] IReadOnlyList<string> Reasons,
    [property: Id(2)] DateTimeOffset Since);
