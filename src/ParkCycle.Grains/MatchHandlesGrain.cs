using System.Buffers.Text;
using System.Security.Cryptography;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>One handle given to an enterprise and the match it stands for.</summary>
[GenerateSerializer]
public sealed record MatchHandle([property: Id(0)] string Handle, [property: Id(1)] MatchPair Pair);

/// <summary>The persisted handles of one enterprise, oldest first, at most <see cref="IMatchHandlesGrain.MaxHandles"/>.</summary>
[GenerateSerializer]
public sealed class MatchHandlesState
{
    [Id(0)]
    public List<MatchHandle> Handles { get; set; } = [];
}

/// <summary>
/// An enterprise's match handles: 128 random bits each (not derived from the ids, so nothing can be recovered from
/// one), the same handle for the same pair while it is kept, written before it is given out.
/// </summary>
public sealed class MatchHandlesGrain(
    [PersistentState("match-handles", GrainStorage.Name)] IPersistentState<MatchHandlesState> state) : Grain, IMatchHandlesGrain
{
    private Dictionary<string, MatchPair>? _byHandle;
    private Dictionary<MatchPair, string>? _byPair;

    public async Task<IReadOnlyList<string>> HandlesForAsync(IReadOnlyList<MatchPair> pairs)
    {
        var (byHandle, byPair) = Indexes();
        var handles = new List<string>(pairs.Count);
        var added = false;
        foreach (var pair in pairs)
        {
            if (!byPair.TryGetValue(pair, out var handle))
            {
                handle = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
                state.State.Handles.Add(new MatchHandle(handle, pair));
                byPair[pair] = handle;
                byHandle[handle] = pair;
                added = true;
            }

            handles.Add(handle);
        }

        if (added)
        {
            // Bounded: the oldest handles go first (a report's answer can be asked again for fresh ones).
            var excess = state.State.Handles.Count - IMatchHandlesGrain.MaxHandles;
            if (excess > 0)
            {
                foreach (var old in state.State.Handles.Take(excess))
                {
                    byHandle.Remove(old.Handle);
                    byPair.Remove(old.Pair);
                }

                state.State.Handles.RemoveRange(0, excess);
            }

            try
            {
                await state.WriteStateAsync(); // a handle is resolvable before anyone is given it
            }
            catch
            {
                (_byHandle, _byPair) = (null, null);
                await state.ReadStateAsync();
                throw;
            }
        }

        return handles;
    }

    public Task<MatchPair?> ResolveAsync(string handle) =>
        Task.FromResult(Indexes().ByHandle.GetValueOrDefault(handle));

    private (Dictionary<string, MatchPair> ByHandle, Dictionary<MatchPair, string> ByPair) Indexes()
    {
        _byHandle ??= state.State.Handles.ToDictionary(h => h.Handle, h => h.Pair, StringComparer.Ordinal);
        _byPair ??= state.State.Handles.ToDictionary(h => h.Pair, h => h.Handle);
        return (_byHandle, _byPair);
    }
}
