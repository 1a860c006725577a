namespace ParkCycle.Graph;

/// <summary>Which enterprises each enterprise reaches through existing in-park flows (transitive closure over SCCs).</summary>
public sealed class Reachability
{
    private readonly int[] _component;
    private readonly ulong[][] _reach;

    /// <summary>Computes the closure once, over the graph's strongly connected components, so <see cref="Reaches"/> is a lookup.</summary>
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
