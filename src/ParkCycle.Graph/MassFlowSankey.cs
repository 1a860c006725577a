using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// The park's existing mass flows of known quantity aggregated by chain, in three columns: where they come
/// from (imports), which chain produces them, and where they go (a chain in the park, the market, a sink).
/// Node names: <c>in:ext:import</c>, <c>chain:&lt;chain&gt;</c>, <c>to:chain:&lt;chain&gt;</c>, <c>to:ext:…</c>.
/// </summary>
public static class MassFlowSankey
{
    /// <summary>The Sankey links of the park's existing mass flows of known quantity (annual t), by the first chain of each enterprise, largest first.</summary>
    public static IReadOnlyList<SankeyFlow> ByChain(ParkDataset park)
    {
        var chainOf = park.Enterprises.ToDictionary(e => e.Id, e => Codes<Chain>.Of(e.Chains[0]), StringComparer.Ordinal);
        var links = new Dictionary<(string, string), decimal>();
        foreach (var f in park.Flows.Where(f => f.Status == FlowStatus.Existing && f.Quantity is { Dimension: Dimension.Mass }))
        {
            var from = ExternalNode.IsExternal(f.From) ? "in:" + f.From : "chain:" + chainOf[f.From];
            var to = ExternalNode.IsExternal(f.To) ? "to:" + f.To : ExternalNode.IsExternal(f.From) ? "chain:" + chainOf[f.To] : "to:chain:" + chainOf[f.To];
            links[(from, to)] = links.GetValueOrDefault((from, to)) + f.Quantity!.Value.BaseValue;
        }

        return [.. links.Select(l => new SankeyFlow(l.Key.Item1, l.Key.Item2, l.Value)).OrderByDescending(l => l.Tonnes)];
    }
}
