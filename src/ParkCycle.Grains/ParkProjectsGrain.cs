using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>A park's index of retrofit projects and the version its live forecast is cached by.</summary>
public sealed class ParkProjectsGrain(
    [PersistentState("park-projects", GrainStorage.Name)] IPersistentState<ParkProjectsState> state) : Grain, IParkProjectsGrain
{
    public async Task<long> AddAsync(IReadOnlyList<string> projectIds)
    {
        var known = state.State.ProjectIds.ToHashSet(StringComparer.Ordinal);
        state.State.ProjectIds.AddRange(projectIds.Where(known.Add));
        state.State.Version++;
        await state.WriteStateAsync();
        return state.State.Version;
    }

    public async Task<long> ChangedAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        return state.State.Version;
    }

    public Task<ParkProjects> GetAsync() => Task.FromResult(new ParkProjects(state.State.Version, [.. state.State.ProjectIds]));
}
