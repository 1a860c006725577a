namespace ParkCycle.Graph;

/// <summary>
/// Finds the elementary cycles of bounded length among enterprises: Tarjan's strongly connected
/// components (QuikGraph) first, then a depth-bounded search from each vertex over higher-numbered
/// vertices of its own component, so each cycle is found once, from its lowest vertex.
/// </summary>
public sealed class LoopFinder(FlowGraph graph, LoopOptions options)
{
    /// <summary>The loops of at most <see cref="LoopOptions.MaxLength"/> hops, each once, stopping at <see cref="LoopOptions.MaxCycles"/> with a note, and the components (size &gt; 1) they live in.</summary>
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
