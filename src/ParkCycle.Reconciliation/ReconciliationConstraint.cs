namespace ParkCycle.Reconciliation;

/// <summary>A linear constraint Σ coefficient·variable + <see cref="Constant"/> = 0, such as a balance of inflows and outflows.</summary>
public sealed record ReconciliationConstraint(string Id, IReadOnlyList<ConstraintTerm> Terms, double Constant);
