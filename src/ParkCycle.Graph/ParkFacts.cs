using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// The offers (outputs to disposal or out of the park) and needs (imports) of a dataset, with quantities
/// converted to each material's own unit. Closed enterprises take part in nothing.
/// </summary>
public sealed class ParkFacts
{
    public ParkFacts(FlowGraph graph)
    {
        var dataset = graph.Dataset;
        var offers = new List<ExchangeOffer>();
        var needs = new List<ExchangeNeed>();
        foreach (var flow in graph.Flows)
        {
            var material = dataset.Material(flow.MaterialId);
            decimal? quantity = flow.Quantity is { } q ? q.ConvertTo(material.Unit).Value : null;
            var supplier = ExternalNode.IsExternal(flow.From) ? null : dataset.FindEnterprise(flow.From);
            if (supplier is { Status: not EnterpriseStatus.Closed } && LeavesThePark(flow.To) && IsOffered(material))
            {
                offers.Add(new ExchangeOffer(flow.Id, flow.From, flow.MaterialId, quantity, flow.To, supplier.Latitude, supplier.Longitude));
            }
            else if (flow.From == ExternalNode.Import && dataset.FindEnterprise(flow.To) is { Status: not EnterpriseStatus.Closed } consumer)
            {
                needs.Add(new ExchangeNeed(flow.Id, flow.To, flow.MaterialId, quantity, consumer.Latitude, consumer.Longitude));
            }
        }

        Offers = offers;
        Needs = needs;
    }

    private static bool LeavesThePark(string to) => ExternalNode.IsDisposal(to) || to == ExternalNode.Market;

    // Products, energy sales and raw materials leaving the park are business, not lost resources.
    private static bool IsOffered(Material material) =>
        material.Category is not (MaterialCategory.Product or MaterialCategory.Energy or MaterialCategory.RawMaterial);

    /// <summary>Outputs that leave the park's loops: to a disposal sink, or sold out of the park (products excepted).</summary>
    public IReadOnlyList<ExchangeOffer> Offers { get; }

    /// <summary>Inputs bought from outside the park.</summary>
    public IReadOnlyList<ExchangeNeed> Needs { get; }
}
