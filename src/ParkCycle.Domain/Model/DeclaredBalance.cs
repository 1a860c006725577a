namespace ParkCycle.Domain.Model;

/// <summary>
/// A row of <c>balances.csv</c>: the administrator's statement that an enterprise's existing inflows and
/// outflows in a scope must balance (no stock change over the year). Reconciliation uses these as constraints.
/// </summary>
public sealed record DeclaredBalance(string Id, string EnterpriseId, BalanceScope Scope)
{
    /// <summary>The existing flows into or out of the enterprise that the scope includes.</summary>
    public IEnumerable<Flow> Members(ParkDataset park) =>
        park.Flows.Where(f => f.Status == FlowStatus.Existing
            && (f.From == EnterpriseId || f.To == EnterpriseId)
            && Scope.Includes(f, park.FindMaterial(f.MaterialId)));
}
