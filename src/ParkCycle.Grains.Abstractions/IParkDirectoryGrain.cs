namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// The list of parks loaded into the store (one grain, key <see cref="Key"/>), so the dashboard's park selector
/// comes from the data and not from code.
/// </summary>
public interface IParkDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one key of the directory grain.</summary>
    public const string Key = "parks";

    /// <summary>Adds a park, or renames it if it is listed already; idempotent.</summary>
    Task RegisterAsync(ParkListing park);

    /// <summary>Every park listed, in the order they were first registered.</summary>
    Task<IReadOnlyList<ParkListing>> ListAsync();
}

/// <summary>A park as the directory lists it: id and display name.</summary>
[GenerateSerializer, Immutable]
public sealed record ParkListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name);
