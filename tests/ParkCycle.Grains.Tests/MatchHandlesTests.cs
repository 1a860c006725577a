using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Tests;

/// <summary>Issue #10 §2: match handles are stable per enterprise, meaningless to another, durable and bounded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MatchHandlesTests(ClusterFixture fixture)
{
    private static MatchPair Pair(int i) => new($"sup-r{i}", $"con-r{i}", "sup", "con");

    [Fact]
    public async Task HandlesForAsync_GivesTheSameHandleForTheSamePair_AndOnlyItsOwnGrainResolvesIt()
    {
        var viewer = fixture.Grains.GetGrain<IMatchHandlesGrain>($"viewer-{Guid.NewGuid():N}");
        var other = fixture.Grains.GetGrain<IMatchHandlesGrain>($"other-{Guid.NewGuid():N}");

        var first = await viewer.HandlesForAsync([Pair(1), Pair(2)]);
        var again = await viewer.HandlesForAsync([Pair(2), Pair(1)]);
        var others = await other.HandlesForAsync([Pair(1)]);

        Assert.Equal([first[1], first[0]], again);
        Assert.NotEqual(first[0], first[1]);
        Assert.NotEqual(first[0], others[0]);
        Assert.Equal(Pair(1), await viewer.ResolveAsync(first[0]));
        Assert.Null(await other.ResolveAsync(first[0]));
        Assert.Null(await viewer.ResolveAsync(others[0]));
        Assert.Null(await viewer.ResolveAsync("sup-r1|con-r1"));
    }

    [Fact]
    public async Task Handles_SurviveARestart_AndTheOldestAreForgottenPastTheBound()
    {
        var key = $"bounded-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IMatchHandlesGrain>(key);
        var pairs = Enumerable.Range(0, IMatchHandlesGrain.MaxHandles + 5).Select(Pair).ToList();
        var handles = await grain.HandlesForAsync(pairs);

        await fixture.RestartAsync();
        var reread = fixture.Grains.GetGrain<IMatchHandlesGrain>(key);

        Assert.Equal(pairs.Count, handles.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await reread.ResolveAsync(handles[i])); // the oldest five went first
        }

        Assert.Equal(pairs[5], await reread.ResolveAsync(handles[5]));
        Assert.Equal(pairs[^1], await reread.ResolveAsync(handles[^1]));
        Assert.Equal(handles[^1], (await reread.HandlesForAsync([pairs[^1]]))[0]);
    }
}
