namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// The opaque handles of the matches one enterprise has been shown (key: enterprise id). Before both sides agree,
/// a match reaches an enterprise only as a handle: random, unguessable, and resolvable only through this
/// enterprise's own grain, so it names neither the counterpart nor its reports, and a handle another enterprise was
/// given means nothing here. Bounded: the oldest handles are forgotten past <see cref="MaxHandles"/>.
/// </summary>
public interface IMatchHandlesGrain : IGrainWithStringKey
{
    /// <summary>The most handles an enterprise keeps; a forgotten one is answered like an unknown one. The default value is 1,024.</summary>
    public const int MaxHandles = 1024;

    /// <summary>The handle of each match, in order: the one given before for the same pair, or a new one (stored before it returns).</summary>
    Task<IReadOnlyList<string>> HandlesForAsync(IReadOnlyList<MatchPair> pairs);

    /// <summary>The match behind a handle this enterprise was given; null for any other string.</summary>
    Task<MatchPair?> ResolveAsync(string handle);
}
