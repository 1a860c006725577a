namespace ParkCycle.Reconciliation;

/// <summary>One variable of a linear constraint with its coefficient (e.g. +1 for an inflow, −1 for an outflow).</summary>
/// <param name="Variable">The variable's index in its <see cref="ReconciliationProblem"/>.</param>
/// <param name="Coefficient">The coefficient; a unit conversion factor goes in here.</param>
public readonly record struct ConstraintTerm(int Variable, double Coefficient);
