namespace ParkCycle.Graph;

/// <summary>Options for finding loops.</summary>
public sealed record LoopOptions
{
    /// <summary>Longest cycle listed, in hops. The default value is 8.</summary>
    public int MaxLength { get; init; } = 8;

    /// <summary>Most cycles listed before the search stops and says so. The default value is 1,000.</summary>
    public int MaxCycles { get; init; } = 1000;
}

/// <summary>One hop of a loop: the flow that carries material from one enterprise to the next.</summary>
/// <param name="Quantity">Annual quantity in <paramref name="Unit"/>; null when the flow's quantity is unknown.</param>
/// <param name="OtherFlows">How many further flows run between the same two enterprises.</param>
public sealed record LoopHop(string From, string To, string Material, decimal? Quantity, string Unit, string FlowId, int OtherFlows);

/// <summary>A closed loop: enterprises in order (the last hands back to the first) and each hop.</summary>
public sealed record Loop(IReadOnlyList<string> Enterprises, IReadOnlyList<LoopHop> Hops);

/// <summary>Loops found, the strongly connected components they live in, and whether the listing was capped.</summary>
public sealed record LoopReport(
    IReadOnlyList<Loop> Loops,
    IReadOnlyList<IReadOnlyList<string>> Components,
    bool Capped,
    string? Note);

/// <summary>
/// Finds the elementary cycles of bounded length among enterprises: Tarjan's strongly connected
/// components (QuikGraph) first, then a depth-bounded search from each vertex over higher-numbered
/// vertices of its own component, so each cycle is found once, from its lowest vertex.
/// </summary>
public sealed class LoopFinder(FlowGraph graph, LoopOptions options)
{
    public LoopReport Compute()
    {
        var component = graph.StronglyConnectedComponents(out var componentCount);
        var members = new List<int>[componentCount];
        for (var i = 0; i < componentCount; i++)
        {
            members[i] = [];
        }

        for (var v = 0; v < graph.EnterpriseCount; v++)
        {
            members[component[v]].Add(v);
        }

        var loops = new List<Loop>();
        var capped = false;
        var path = new List<int>(options.MaxLength);
        var onPath = new bool[graph.EnterpriseCount];
        foreach (var group in members.Where(m => m.Count > 1).OrderBy(m => m.Min()))
        {
            foreach (var start in group.Order())
            {
                path.Clear();
                path.Add(start);
                onPath[start] = true;
                capped = Search(start, start, component, path, onPath, loops);
                onPath[start] = false;
                if (capped)
                {
                    break;
                }
            }

            if (capped)
            {
                break;
            }
        }

        var components = members.Where(m => m.Count > 1)
            .Select(m => (IReadOnlyList<string>)[.. m.Order().Select(v => graph.Nodes[v])])
            .OrderBy(m => m[0], StringComparer.Ordinal)
            .ToList();
        var note = capped
            ? $"listing stopped at {options.MaxCycles} loops (MaxCycles); more exist"
            : null;
        return new LoopReport(loops, components, capped, note);
    }

    // Returns true when the cap is reached.
    private bool Search(int start, int v, int[] component, List<int> path, bool[] onPath, List<Loop> loops)
    {
        foreach (var w in graph.InternalSuccessors(v))
        {
            if (w == start)
            {
                loops.Add(ToLoop(path));
                if (loops.Count >= options.MaxCycles)
                {
                    return true;
                }
            }
            else if (w > start && !onPath[w] && component[w] == component[start] && path.Count < options.MaxLength)
            {
                path.Add(w);
                onPath[w] = true;
                var stop = Search(start, w, component, path, onPath, loops);
                onPath[w] = false;
                path.RemoveAt(path.Count - 1);
                if (stop)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Loop ToLoop(List<int> path)
    {
        var hops = new List<LoopHop>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            var from = path[i];
            var to = path[(i + 1) % path.Count];
            var toName = graph.Nodes[to];
            var between = graph.Outgoing[from].Where(f => graph.Flows[f].To == toName).Select(f => graph.Flows[f]).ToList();
            // The hop shows the largest known flow; the count says how many others run alongside.
            var main = between.OrderByDescending(f => f.Quantity?.BaseValue ?? -1m).ThenBy(f => f.Id, StringComparer.Ordinal).First();
            hops.Add(new LoopHop(main.From, main.To, main.MaterialId, main.Quantity?.Value, main.Unit.Symbol, main.Id, between.Count - 1));
        }

        return new Loop([.. path.Select(v => graph.Nodes[v])], hops);
    }
}

/// <summary>Which enterprises each enterprise reaches through existing in-park flows (transitive closure over SCCs).</summary>
public sealed class Reachability
{
    private readonly int[] _component;
    private readonly ulong[][] _reach;

    public Reachability(FlowGraph graph)
    {
        _component = graph.StronglyConnectedComponents(out var count);
        var successors = new HashSet<int>[count];
        for (var c = 0; c < count; c++)
        {
            successors[c] = [];
        }

        for (var v = 0; v < graph.EnterpriseCount; v++)
        {
            foreach (var w in graph.InternalSuccessors(v))
            {
                if (_component[w] != _component[v])
                {
                    successors[_component[v]].Add(_component[w]);
                }
            }
        }

        // Closure on the condensation DAG: process components so that successors come first.
        var words = (count + 63) / 64;
        _reach = new ulong[count][];
        var order = TopologicalOrder(successors);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var c = order[i];
            var bits = new ulong[words];
            bits[c / 64] |= 1UL << (c % 64);
            foreach (var s in successors[c])
            {
                var sb = _reach[s];
                for (var k = 0; k < words; k++)
                {
                    bits[k] |= sb[k];
                }
            }

            _reach[c] = bits;
        }

        _selfLoop = new bool[count];
        for (var v = 0; v < graph.EnterpriseCount; v++)
        {
            foreach (var w in graph.InternalSuccessors(v))
            {
                if (_component[w] == _component[v])
                {
                    _selfLoop[_component[v]] = true;
                }
            }
        }
    }

    private readonly bool[] _selfLoop;

    /// <summary>True when <paramref name="from"/> reaches <paramref name="to"/> through one or more existing in-park flows.</summary>
    public bool Reaches(int from, int to)
    {
        var a = _component[from];
        var b = _component[to];
        if (a == b)
        {
            return from != to || _selfLoop[a];
        }

        return (_reach[a][b / 64] & (1UL << (b % 64))) != 0;
    }

    private static List<int> TopologicalOrder(HashSet<int>[] successors)
    {
        var indegree = new int[successors.Length];
        foreach (var s in successors)
        {
            foreach (var t in s)
            {
                indegree[t]++;
            }
        }

        var queue = new Queue<int>(Enumerable.Range(0, successors.Length).Where(c => indegree[c] == 0));
        var order = new List<int>(successors.Length);
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            order.Add(c);
            foreach (var t in successors[c])
            {
                if (--indegree[t] == 0)
                {
                    queue.Enqueue(t);
                }
            }
        }

        return order;
    }
}
