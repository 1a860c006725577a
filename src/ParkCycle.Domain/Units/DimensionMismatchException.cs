namespace ParkCycle.Domain.Units;

/// <summary>Thrown when quantities of different dimensions (say tonnes and gigajoules) are combined.</summary>
public sealed class DimensionMismatchException(Dimension left, Dimension right, string operation)
    : InvalidOperationException($"cannot {operation} quantities of different dimensions ({left.ToString().ToLowerInvariant()} and {right.ToString().ToLowerInvariant()})")
{
    public Dimension Left { get; } = left;

    public Dimension Right { get; } = right;
}
