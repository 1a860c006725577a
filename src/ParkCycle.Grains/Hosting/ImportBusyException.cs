namespace ParkCycle.Grains.Hosting;

/// <summary>A version of a park was asked for while another import of the same park holds its lease (on any server).</summary>
public sealed class ImportBusyException(string parkId) : Exception($"another import of park '{parkId}' is running; retry shortly")
{
    /// <summary>The park being imported.</summary>
    public string ParkId { get; } = parkId;
}
