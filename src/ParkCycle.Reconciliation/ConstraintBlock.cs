namespace ParkCycle.Reconciliation;

/// <summary>One independent part of a problem: constraints that share no variable with any other block.</summary>
internal sealed record ConstraintBlock(int[] Constraints, int[] Measured, int[] Unknown);
