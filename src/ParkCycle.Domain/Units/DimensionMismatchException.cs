namespace ParkCycle.Domain.Units;

/// <summary>Thrown when quantities of different dimensions (say tonnes and gigajoules) are combined.</summary>
public sealed class DimensionMismatchException(Dimension left, Dimension right, string operation)
    : InvalidOperationException($"cannot {operation} quantities of different dimensions ({left.ToString().ToLowerInvariant()} and {right.ToString().ToLowerInvariant()})")
{
    /// <summary>The dimension of the left operand (or of the quantity being converted or read).</summary>
    public Dimension Left { get; } = left;

    /// <summary>The dimension of the right operand (or the one asked for).</summary>
    public Dimension Right { get; } = right;
}
