namespace ParkCycle.Domain.Units;

/// <summary>
/// Decimal arithmetic that never throws <see cref="OverflowException"/>: a result beyond the decimal range is
/// clamped to <see cref="decimal.MaxValue"/> or <see cref="decimal.MinValue"/>. For values read back from storage,
/// where a range check refuses the clamped result instead of the park failing on it.
/// </summary>
public static class Saturating
{
    /// <summary><paramref name="a"/> × <paramref name="b"/>, clamped to the decimal range.</summary>
    public static decimal Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return Math.Sign(a) * Math.Sign(b) < 0 ? decimal.MinValue : decimal.MaxValue;
        }
    }

    /// <summary><paramref name="a"/> ÷ <paramref name="b"/> (b ≠ 0), clamped to the decimal range.</summary>
    public static decimal Divide(decimal a, decimal b)
    {
        try
        {
            return a / b;
        }
        catch (OverflowException)
        {
            return Math.Sign(a) * Math.Sign(b) < 0 ? decimal.MinValue : decimal.MaxValue;
        }
    }

    /// <summary><paramref name="a"/> + <paramref name="b"/>, clamped to the decimal range.</summary>
    public static decimal Add(decimal a, decimal b)
    {
        try
        {
            return a + b;
        }
        catch (OverflowException)
        {
            return a > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
