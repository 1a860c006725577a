using ParkCycle.Domain.Model;
using QuikGraph;
using QuikGraph.Algorithms;

namespace ParkCycle.Graph;

/// <summary>
/// The park as a directed multigraph: enterprises and external nodes are vertices (dense integer ids),
/// flows are edges. Built once per analysis and shared by every algorithm; immutable after construction.
/// </summary>
public sealed class FlowGraph
{
    private readonly Dictionary<string, int> _index;
    private readonly int[][] _internalSuccessors;

    /// <summary>Builds the graph of a dataset; <paramref name="includePlanned"/> adds planned flows to the existing ones.</summary>
    public FlowGraph(ParkDataset dataset, bool includePlanned = false)
    {
        Dataset = dataset;
        var nodes = new List<string>(dataset.Enterprises.Count + ExternalNode.All.Count);
        nodes.AddRange(dataset.Enterprises.Select(e => e.Id));
        EnterpriseCount = nodes.Count;
        nodes.AddRange(ExternalNode.All);
        Nodes = nodes;
        _index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            _index[nodes[i]] = i;
        }

        Flows = [.. dataset.Flows.Where(f => includePlanned || f.Status == FlowStatus.Existing)];
        var outgoing = new List<int>[nodes.Count];
        var incoming = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            outgoing[i] = [];
            incoming[i] = [];
        }

        var successors = new HashSet<int>[EnterpriseCount];
        for (var i = 0; i < EnterpriseCount; i++)
        {
            successors[i] = [];
        }

        for (var f = 0; f < Flows.Count; f++)
        {
            var from = _index[Flows[f].From];
            var to = _index[Flows[f].To];
            outgoing[from].Add(f);
            incoming[to].Add(f);
            if (from < EnterpriseCount && to < EnterpriseCount)
            {
                successors[from].Add(to);
            }
        }

        Outgoing = [.. outgoing.Select(l => l.ToArray())];
        Incoming = [.. incoming.Select(l => l.ToArray())];
        _internalSuccessors = [.. successors.Select(s => s.Order().ToArray())];
    }

    /// <summary>The dataset the graph was built from.</summary>
    public ParkDataset Dataset { get; }

    /// <summary>Vertex names: enterprises first (0 … EnterpriseCount−1), then the external nodes.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Number of enterprise vertices; vertex ids at or above it are external nodes.</summary>
    public int EnterpriseCount { get; }

    /// <summary>The flows in the graph (existing ones, plus planned when asked), indexed as edges.</summary>
    public IReadOnlyList<Flow> Flows { get; }

    /// <summary>Indices into <see cref="Flows"/> leaving each vertex.</summary>
    public int[][] Outgoing { get; }

    /// <summary>Indices into <see cref="Flows"/> entering each vertex.</summary>
    public int[][] Incoming { get; }

    /// <summary>The vertex id of an enterprise id or external node name; throws <see cref="KeyNotFoundException"/> when the graph has no such node.</summary>
    public int IndexOf(string node) => _index[node];

    /// <summary>The vertex id of an enterprise id or external node name; false when the graph has no such node.</summary>
    public bool TryIndexOf(string node, out int index) => _index.TryGetValue(node, out index);

    /// <summary>Distinct enterprise successors of an enterprise through in-park flows, ascending.</summary>
    public int[] InternalSuccessors(int enterprise) => _internalSuccessors[enterprise];

    /// <summary>
    /// Strongly connected components of the in-park enterprise graph (QuikGraph's Tarjan): the component
    /// id of every enterprise vertex.
    /// </summary>
    public int[] StronglyConnectedComponents(out int componentCount)
    {
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false, EnterpriseCount);
        graph.AddVertexRange(Enumerable.Range(0, EnterpriseCount));
        for (var v = 0; v < EnterpriseCount; v++)
        {
            foreach (var w in _internalSuccessors[v])
            {
                graph.AddEdge(new SEquatableEdge<int>(v, w));
            }
        }

        var components = new Dictionary<int, int>(EnterpriseCount);
        componentCount = graph.StronglyConnectedComponents(components);
        var result = new int[EnterpriseCount];
        foreach (var (vertex, component) in components)
        {
            result[vertex] = component;
        }

        return result;
    }
}
