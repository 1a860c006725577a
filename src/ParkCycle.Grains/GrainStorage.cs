namespace ParkCycle.Grains;

/// <summary>The grain storage name every ParkCycle grain uses (the hosts register their store under it).</summary>
public static class GrainStorage
{
    /// <summary>The provider name.</summary>
    public const string Name = "parkcycle";
}
