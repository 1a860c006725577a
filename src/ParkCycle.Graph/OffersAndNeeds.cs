using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// The offers (outputs to a disposal sink or sold out of the park), needs (imports, and in-park supplies a
/// better source could replace) and processors (enterprises that run a process a pathway needs) of a dataset,
/// with quantities converted to each material's own unit. Closed enterprises take part in nothing.
/// </summary>
public sealed class OffersAndNeeds
{
    /// <summary>Reads the positions of a dataset's existing flows.</summary>
    public OffersAndNeeds(FlowGraph graph)
    {
        var dataset = graph.Dataset;
        var offers = new List<ExchangeOffer>();
        var needs = new List<ExchangeNeed>();
        foreach (var flow in graph.Flows)
        {
            var material = dataset.Material(flow.MaterialId);
            decimal? quantity = flow.Quantity is { } q ? q.ConvertTo(material.Unit).Value : null;
            var supplier = ExternalNode.IsExternal(flow.From) ? null : dataset.FindEnterprise(flow.From);
            var consumer = ExternalNode.IsExternal(flow.To) ? null : dataset.FindEnterprise(flow.To);
            if (supplier is { Status: not EnterpriseStatus.Closed } && IsOffer(flow.To))
            {
                offers.Add(new ExchangeOffer(flow.Id, flow.From, flow.MaterialId, quantity, flow.To, supplier.Latitude, supplier.Longitude)
                {
                    Holds = Holds(supplier),
                    EndDate = Ending(supplier),
                });
            }
            else if (consumer is { Status: not EnterpriseStatus.Closed } && (IsNeed(flow.From) || supplier is { Status: not EnterpriseStatus.Closed }))
            {
                needs.Add(new ExchangeNeed(flow.Id, flow.To, flow.MaterialId, quantity, consumer.Latitude, consumer.Longitude)
                {
                    Holds = Holds(consumer),
                    InParkSupplier = supplier?.Id,
                    EndDate = Ending(consumer),
                });
            }
        }

        Offers = offers;
        Needs = needs;
        Processors = [.. dataset.Enterprises
            .Where(e => e.Status is not EnterpriseStatus.Closed && (e.Capabilities.Count > 0 || e.Licences.Count > 0))
            .Select(e => new ExchangeProcessor(e.Id, Holds(e), e.Latitude, e.Longitude) { EndDate = Ending(e) })];
    }

    /// <summary>
    /// The one rule of what is offered for exchange: every output that leaves the park, whether to a disposal
    /// sink or sold out of it. A sale out of the park is offered too, because a neighbour that imports the same
    /// material (or a substitute) could buy it locally (local supply).
    /// </summary>
    public static bool IsOffer(string destination) => ExternalNode.IsDisposal(destination) || destination == ExternalNode.Market;

    /// <summary>The one rule of what is needed: an input bought from outside the park.</summary>
    public static bool IsNeed(string origin) => origin == ExternalNode.Import;

    /// <summary>What an enterprise holds: its capabilities and its hazardous-waste licences, one list.</summary>
    public static IReadOnlyList<string> Holds(Enterprise enterprise) =>
        enterprise.Licences.Count == 0 ? enterprise.Capabilities : [.. enterprise.Capabilities, .. enterprise.Licences];

    private static DateOnly? Ending(Enterprise enterprise) =>
        enterprise.Status is EnterpriseStatus.Relocating ? enterprise.EndDate ?? DateOnly.MaxValue : null;

    /// <summary>Outputs that leave the park's loops: to a disposal sink, or sold out of the park.</summary>
    public IReadOnlyList<ExchangeOffer> Offers { get; }

    /// <summary>Inputs bought from outside the park, and inputs supplied in the park (<see cref="ExchangeNeed.InParkSupplier"/> set).</summary>
    public IReadOnlyList<ExchangeNeed> Needs { get; }

    /// <summary>Enterprises that declare capabilities or licences: where a pathway's process can run as a second hop.</summary>
    public IReadOnlyList<ExchangeProcessor> Processors { get; }
}
