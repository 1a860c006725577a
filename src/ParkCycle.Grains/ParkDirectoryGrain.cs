using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>The persisted list of parks: a few entries per deployment, bounded by the number of parks imported.</summary>
[GenerateSerializer]
public sealed class ParkDirectoryState
{
    [Id(0)]
    public List<ParkListing> Parks { get; set; } = [];
}

/// <summary>The directory of parks; written when a park is seeded or imported, read by the park selector.</summary>
public sealed class ParkDirectoryGrain(
    [PersistentState("parks", GrainStorage.Name)] IPersistentState<ParkDirectoryState> state) : Grain, IParkDirectoryGrain
{
    public async Task RegisterAsync(ParkListing park)
    {
        var index = state.State.Parks.FindIndex(p => p.Id == park.Id);
        if (index >= 0 && state.State.Parks[index] == park)
        {
            return;
        }

        if (index >= 0)
        {
            state.State.Parks[index] = park;
        }
        else
        {
            state.State.Parks.Add(park);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ParkListing>> ListAsync() => Task.FromResult<IReadOnlyList<ParkListing>>([.. state.State.Parks]);
}
