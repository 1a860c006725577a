namespace ParkCycle.Graph;

/// <summary>Which quantities an analysis ran on: the flows as reported, or as reconciled under the declared balances.</summary>
public enum QuantityBasis
{
    /// <summary>The quantities as the dataset reports them (the default).</summary>
    Reported,

    /// <summary>Reconciled values (weighted least squares under <c>balances.csv</c>) for the flows in a balance, estimates for the unknowns it determines; other flows as reported.</summary>
    Reconciled,
}
